package dev.shirase.search;

import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One advisory as a search result, renderable without the database.
 *
 * @param titleHtml   the whole title, HTML-escaped, with matches wrapped in {@code <mark>…</mark>}
 * @param snippetHtml up to two passages of the summary, HTML-escaped, matches in {@code <mark>}; "" if no summary
 * @param score       relevance score (with recency boost); computed for DATE-sorted results too
 */
public record SearchHit(String id, String title, String url, String source, OffsetDateTime published,
                        List<String> cves, Severity severity, List<String> related, String titleHtml,
                        String snippetHtml, float score, boolean kev, Optional<Double> epss, Category category) {
    public SearchHit {
        cves = List.copyOf(cves);
        related = List.copyOf(related);
    }
}
