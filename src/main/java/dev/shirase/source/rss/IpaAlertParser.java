package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import dev.shirase.source.FeedSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ipa-alert}: IPA 緊急対策情報・注意喚起 ({@code alert-rss.rdf}, RSS 1.0, no description, day-precision dates).
 * An update repeats the link as a new item titled {@code 更新：…}; items are grouped by link into ONE advisory:
 * published = earliest item date, modified = latest, title = the original title (a leading 更新： stripped).
 * The id comes from the link path: {@code /security/security-alert/2025/20260225-jvn.html} →
 * {@code IPA-2025-20260225-jvn} (the folder is IPA's fiscal year, kept as is).
 */
public class IpaAlertParser extends RomeFeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(IpaAlertParser.class);
    private static final Pattern UPDATE_PREFIX = Pattern.compile("^\\s*(?:【\\s*更新\\s*】|更新\\s*[：:])\\s*");

    @Override
    protected List<Advisory> toAdvisories(List<FeedItem> items, FeedSource source) {
        Map<String, List<FeedItem>> byLink = new LinkedHashMap<>();
        for (FeedItem item : items) {
            Optional<String> link = PlainText.httpUrl(item.link());
            if (link.isEmpty() || item.dcDate().or(item::published).isEmpty()) {
                LOG.warn("{}: skipped an item without an http(s) link or a date: {}", source.id(), item.title());
                continue;
            }
            byLink.computeIfAbsent(link.get(), k -> new ArrayList<>()).add(item);
        }
        List<Advisory> out = new ArrayList<>();
        byLink.forEach((link, group) -> out.add(merge(link, group, source)));
        return out;
    }

    @Override
    protected Optional<Advisory> toAdvisory(FeedItem item, FeedSource source) {
        return PlainText.httpUrl(item.link()).map(link -> merge(link, List.of(item), source));
    }

    private static Advisory merge(String link, List<FeedItem> group, FeedSource source) {
        Comparator<FeedItem> byDate = Comparator.comparing(IpaAlertParser::date);
        FeedItem first = group.stream().min(byDate.thenComparing(IpaAlertParser::isUpdate)).orElseThrow();
        FeedItem last = group.stream().max(byDate).orElseThrow();
        String title = UPDATE_PREFIX.matcher(PlainText.of(first.title())).replaceFirst("");
        Set<Identifier> ids = new TreeSet<>();
        group.forEach(i -> ids.addAll(IdentifierExtractor.extract(PlainText.of(i.title()))));
        return Advisory.parsed(idFor(link), source.id(), link, title, "", date(first), date(last), Category.ALERT,
                ids, List.of(), List.of(), List.of());
    }

    private static OffsetDateTime date(FeedItem item) {
        return item.dcDate().or(item::published).orElseThrow();
    }

    private static boolean isUpdate(FeedItem item) {
        return UPDATE_PREFIX.matcher(PlainText.of(item.title())).find();
    }

    /** {@code IPA-} + the last two path segments without extension, e.g. {@code IPA-2024-win10_eos}. */
    static String idFor(String link) {
        String path = link.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "")
                .replaceFirst("\\.html?$", "").replaceFirst("/+$", "");
        String[] segments = path.split("/");
        String tail = segments.length >= 2 ? segments[segments.length - 2] + "-" + segments[segments.length - 1]
                : segments[segments.length - 1];
        return "IPA-" + tail.replaceAll("[^A-Za-z0-9_.-]+", "-");
    }
}
