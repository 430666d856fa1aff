package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.PlainText;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.source.FeedSource;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code jvndb}: JVN iPedia {@code jvndb_new.rdf} (RSS 1.0 + {@code sec:}). The id is {@code sec:identifier}
 * (JVNDB-…); published is {@code dcterms:issued}, modified {@code dcterms:modified}. Also maps MyJVN
 * getVulnOverviewList items (same shape, sec 3.0 namespace) through {@link #advisory}.
 */
public class JvndbParser extends RomeFeedParser {

    @Override
    protected Optional<Advisory> toAdvisory(FeedItem item, FeedSource source) {
        return advisory(item, source.id());
    }

    /** The canonical advisory of one JVN iPedia item, or empty without a JVNDB id or a date. */
    public static Optional<Advisory> advisory(FeedItem item, String sourceId) {
        Optional<Identifier> own = IdentifierFastPath.parse(item.sec().identifier())
                .or(() -> IdentifierFastPath.extract(item.link()).stream()
                        .filter(i -> i.type() == IdentifierType.JVNDB).findFirst());
        Optional<OffsetDateTime> published = item.published();
        if (own.isEmpty() || published.isEmpty()) {
            return Optional.empty();
        }
        String title = PlainTextFastPath.of(item.title());
        String summary = PlainTextFastPath.of(item.description());
        OffsetDateTime modified = item.modified().or(item::dcDate).orElse(published.get());
        var ids = JvnSecAdapter.identifiers(item.sec(), title, summary);
        ids.add(own.get());
        return Optional.of(Advisory.parsed(own.get().value(), sourceId, PlainText.httpUrl(item.link()).orElse(""),
                title, summary, published.get(), modified, Category.VULNERABILITY, ids,
                JvnSecAdapter.cvss(item.sec()), JvnSecAdapter.products(item.sec()),
                JvnSecAdapter.references(item.sec())));
    }
}
