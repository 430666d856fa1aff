package dev.shirase.source.myjvn;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.source.rss.SecItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a {@link MyJvnAlertEntry} to an {@link Advisory} (category ALERT, id MYJVN-ALT-…). Each CPE of the
 * entry's items becomes an {@link AffectedProduct} (vendor/product left empty: the feed names none, the CPE does);
 * each item becomes a {@link Reference} (source "MyJVN", its sub-id, title and link).
 *
 * <p>The alert level ({@code category@term}) is NOT turned into a CVSS rating: it is IPA's judgement of the
 * alert, not a CVSS score, and a fake {@code Cvss} would pollute severity sorting and filters. It stays in
 * {@link MyJvnAlertEntry#level()}; the advisory's severity is UNKNOWN.
 */
public final class MyJvnAlertAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MyJvnAlertAdapter.class);

    private MyJvnAlertAdapter() {
    }

    /** All entries as advisories; entries without an id or a date are skipped with a warning. */
    static List<Advisory> toAdvisories(List<MyJvnAlertEntry> entries, String sourceId) {
        List<Advisory> out = new ArrayList<>();
        for (MyJvnAlertEntry entry : entries) {
            toAdvisory(entry, sourceId).ifPresentOrElse(out::add, () -> LOG.warn(
                    "{}: skipped an alert entry without an id or a date: {}", sourceId, entry.title()));
        }
        return out;
    }

    public static Optional<Advisory> toAdvisory(MyJvnAlertEntry entry, String sourceId) {
        Optional<OffsetDateTime> published = entry.published().or(entry::updated);
        if (entry.id().isBlank() || published.isEmpty()) {
            return Optional.empty();
        }
        String title = PlainText.of(entry.title());
        String summary = PlainText.of(entry.summary());
        Set<Identifier> ids = new TreeSet<>(IdentifierExtractor.extract(title + "\n" + summary));
        IdentifierExtractor.parse(entry.id()).ifPresent(ids::add);
        Set<String> cpes = new LinkedHashSet<>();
        List<Reference> references = new ArrayList<>();
        for (SecItem item : entry.items()) {
            item.cpes().stream().filter(c -> !c.isBlank()).forEach(cpes::add);
            ids.addAll(IdentifierExtractor.extract(item.title() + "\n" + item.summary()));
            PlainText.httpUrl(item.link()).ifPresent(url -> references.add(
                    new Reference("MyJVN", item.identifier(), PlainText.of(item.title()), url)));
        }
        List<AffectedProduct> products = cpes.stream()
                .map(c -> new AffectedProduct(Optional.of(c), "", "", Optional.empty())).toList();
        String url = PlainText.httpUrl(entry.link())
                .or(() -> entry.items().stream().map(i -> PlainText.httpUrl(i.link()))
                        .flatMap(Optional::stream).findFirst())
                .orElse("");
        return Optional.of(Advisory.parsed(entry.id(), sourceId, url, title, summary, published.get(),
                entry.updated().orElse(published.get()), Category.ALERT, ids, List.of(), products, references));
    }
}
