package dev.shirase.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total  number of advisories matching query and filters (exact)
 * @param hits   the requested page
 * @param facets dimension ({@code source, severity, category, year, kev, vendor, verdict}) → value → count over all
 *               matching advisories; values ordered by count (descending), then value
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** Facet dimensions, in display order. */
    public static final List<String> FACET_DIMENSIONS =
            List.of("source", "severity", "category", "year", "kev", "vendor", "verdict");
}
