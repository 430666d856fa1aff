package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import dev.shirase.source.FeedSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jpcert}: JPCERT/CC's {@code jpcert.rdf} (RSS 1.0 + {@code content:encoded}).
 * <ul>
 *   <li>注意喚起 {@code /at/2026/at260004.html} → {@code JPCERT-AT-2026-0004}, category ALERT;</li>
 *   <li>Weekly Report {@code /wr/2026/wr260226.html#3} → {@code JPCERT-WR-2026-0226-3}, category WEEKLY_REPORT
 *       (all items of one report share a {@code dc:identifier}, so the id keys on the link with its fragment);</li>
 *   <li>anything else → {@code JPCERT-} + the {@code dc:identifier} (or link path), category ALERT.</li>
 * </ul>
 * The trailing status ({@code  (公開)}, {@code (更新)} …) is stripped from titles.
 */
public class JpcertParser extends RomeFeedParser {

    private static final Pattern AT = Pattern.compile("/at/\\d{4}/at(\\d{2})(\\d{4})\\.html?$");
    private static final Pattern AT_ID = Pattern.compile("^at(\\d{2})(\\d{4})$");
    private static final Pattern WR = Pattern.compile("/wr/\\d{4}/wr(\\d{2})(\\d{4})\\.html?(?:#(\\w+))?$");
    private static final Pattern TRAILING_STATUS =
            Pattern.compile("\\s*[(（]\\s*(?:公開|更新|追記|修正|訂正|削除|終了)\\s*[)）]\\s*$");
    private static final Pattern READ_MORE = Pattern.compile("\\s*続きを読む\\s*$");

    @Override
    protected Optional<Advisory> toAdvisory(FeedItem item, FeedSource source) {
        Optional<String> link = PlainText.httpUrl(item.link());
        Optional<OffsetDateTime> date = item.dcDate().or(item::published);
        if (link.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = classify(link.get(), item.dcIdentifier());
        String title = TRAILING_STATUS.matcher(PlainText.of(item.title())).replaceFirst("");
        String summary = summary(item);
        Set<Identifier> ids = new TreeSet<>(IdentifierExtractor.extract(title + "\n" + summary));
        IdentifierExtractor.parse(kind.id()).ifPresent(ids::add);
        return Optional.of(Advisory.parsed(kind.id(), source.id(), link.get(), title, summary, date.get(),
                item.lastModified().orElse(date.get()), kind.category(), ids, List.of(), List.of(), List.of()));
    }

    record Kind(String id, Category category) {
    }

    static Kind classify(String link, String dcIdentifier) {
        Matcher at = AT.matcher(link);
        if (at.find()) {
            return new Kind("JPCERT-AT-20" + at.group(1) + "-" + at.group(2), Category.ALERT);
        }
        Matcher wr = WR.matcher(link);
        if (wr.find()) {
            String id = "JPCERT-WR-20" + wr.group(1) + "-" + wr.group(2);
            return new Kind(wr.group(3) == null ? id : id + "-" + wr.group(3), Category.WEEKLY_REPORT);
        }
        Matcher atId = AT_ID.matcher(dcIdentifier);
        if (atId.find()) {
            return new Kind("JPCERT-AT-20" + atId.group(1) + "-" + atId.group(2), Category.ALERT);
        }
        String path = link.replaceFirst("^https?://[^/]+/", "").replaceAll("\\.html?", "");
        return new Kind("JPCERT-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                .toUpperCase(Locale.ROOT), Category.ALERT);
    }

    /** The description if given, else content:encoded without its trailing 続きを読む link. */
    private static String summary(FeedItem item) {
        String description = PlainText.of(item.description());
        if (!description.isEmpty()) {
            return description;
        }
        return READ_MORE.matcher(PlainText.of(item.content())).replaceFirst("");
    }
}
