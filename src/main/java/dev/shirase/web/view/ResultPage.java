package dev.shirase.web.view;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param facets dimension (source, severity, category, year, kev, vendor, verdict) → value → count, in display order
 */
public record ResultPage(long total, List<HitRow> hits, Map<String, Map<String, Long>> facets) {
    public ResultPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
