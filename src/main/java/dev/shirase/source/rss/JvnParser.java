package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.PlainText;
import dev.shirase.source.FeedSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jvn}: JVN's {@code jvn.rdf} (RSS 1.0). The id is {@code dc:identifier} (JVN#… / JVNVU#…, else taken from
 * the link). An update bumps {@code dc:date} while {@code dcterms:issued} stays: published = issued, modified =
 * {@code dc:date}. The feed carries no CVE/CVSS/CPE; ids named in the text are extracted.
 */
public class JvnParser extends RomeFeedParser {

    private static final Pattern LINK_ID = Pattern.compile("/(JVNVU|JVN)(\\d{8})/?");
    private static final Set<IdentifierType> OWN_TYPES = Set.of(IdentifierType.JVN, IdentifierType.JVNVU);

    @Override
    protected Optional<Advisory> toAdvisory(FeedItem item, FeedSource source) {
        Optional<Identifier> own = IdentifierExtractor.parse(item.dcIdentifier())
                .filter(i -> OWN_TYPES.contains(i.type()))
                .or(() -> fromLink(item.link()));
        Optional<OffsetDateTime> published = item.published();
        if (own.isEmpty() || published.isEmpty()) {
            return Optional.empty();
        }
        String title = PlainText.of(item.title());
        String summary = PlainText.of(item.description());
        OffsetDateTime modified = item.dcDate().or(item::modified).orElse(published.get());
        Set<Identifier> ids = new TreeSet<>(IdentifierExtractor.extract(title + "\n" + summary));
        ids.add(own.get());
        return Optional.of(Advisory.parsed(own.get().value(), source.id(), PlainText.httpUrl(item.link()).orElse(""),
                title, summary, published.get(), modified, Category.VULNERABILITY, ids, List.of(), List.of(),
                List.of()));
    }

    private static Optional<Identifier> fromLink(String link) {
        Matcher m = LINK_ID.matcher(link);
        return m.find() ? IdentifierExtractor.parse(m.group(1) + "#" + m.group(2)) : Optional.empty();
    }
}
