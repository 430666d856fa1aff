package dev.shirase.web.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One search hit as the page shows it.
 *
 * @param titleHtml   the title, HTML-escaped by the index, matches in {@code <mark>}
 * @param snippetHtml summary passages, HTML-escaped by the index, matches in {@code <mark>} ("" if none)
 */
public record HitRow(String id, String title, String url, String source, OffsetDateTime published,
                     List<String> cves, String severity, List<String> related, String titleHtml, String snippetHtml,
                     float score, boolean kev, Optional<Double> epss, String category) {
    public HitRow {
        cves = List.copyOf(cves);
        related = List.copyOf(related);
        epss = epss == null ? Optional.empty() : epss;
    }
}
