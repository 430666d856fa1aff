package dev.shirase.search;

import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the user asked for: free text (Lucene syntax allowed, never fails), filters, order and page.
 * Empty sets mean "no filter". Start from {@link #of(String)} and use the withers.
 *
 * @param since    published on or after this date (in the advisory's own offset)
 * @param kev      present: only advisories that are (true) or are not (false) in CISA KEV
 * @param year     published in this year
 * @param verdicts only advisories that received one of these verdicts
 * @param offset   first hit to return (0-based), at most {@link #MAX_WINDOW} − limit
 * @param limit    page size, 1..{@link #MAX_LIMIT}
 * @param facets   whether to count facet values over all hits (true by default, for the web page and API); without
 *                 them a search returns the same hits and total, and an empty facet map, faster
 */
public record SearchQuery(String text, Set<String> sources, Optional<LocalDate> since, Set<Severity> severities,
                          Set<Category> categories, Optional<Boolean> kev, Optional<Integer> year,
                          Set<String> verdicts, SortOrder sort, int offset, int limit, boolean facets) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;
    /** Deepest hit reachable by paging; deeper pages are clamped (collecting is proportional to the window). */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        text = text == null ? "" : text;
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        since = since == null ? Optional.empty() : since;
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        kev = kev == null ? Optional.empty() : kev;
        year = year == null ? Optional.empty() : year;
        verdicts = verdicts == null ? Set.of() : Set.copyOf(verdicts);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        offset = Math.max(0, Math.min(offset, MAX_WINDOW - limit));
    }

    /** Without the facets flag: facets are counted (the earlier form of this record, kept for callers). */
    public SearchQuery(String text, Set<String> sources, Optional<LocalDate> since, Set<Severity> severities,
                       Set<Category> categories, Optional<Boolean> kev, Optional<Integer> year,
                       Set<String> verdicts, SortOrder sort, int offset, int limit) {
        this(text, sources, since, severities, categories, kev, year, verdicts, sort, offset, limit, true);
    }

    /** Whether facet counts are wanted; see {@link #facets()}. */
    public SearchQuery withFacets(boolean wanted) {
        return new SearchQuery(text, sources, since, severities, categories, kev, year, verdicts, sort, offset, limit,
                wanted);
    }

    /** Free text, no filters, by relevance, first {@value #DEFAULT_LIMIT} hits. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Optional.empty(), Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), Set.of(), SortOrder.RELEVANCE, 0, DEFAULT_LIMIT, true);
    }

    /** Everything, newest first. */
    public static SearchQuery all() {
        return of("");
    }

    public SearchQuery withText(String newText) {
        return new SearchQuery(newText, sources, since, severities, categories, kev, year, verdicts, sort, offset, limit,
                facets);
    }

    public SearchQuery withSources(Collection<String> newSources) {
        return new SearchQuery(text, Set.copyOf(newSources), since, severities, categories, kev, year, verdicts, sort,
                offset, limit, facets);
    }

    public SearchQuery withSince(LocalDate date) {
        return new SearchQuery(text, sources, Optional.ofNullable(date), severities, categories, kev, year, verdicts,
                sort, offset, limit, facets);
    }

    public SearchQuery withSeverities(Collection<Severity> newSeverities) {
        return new SearchQuery(text, sources, since, Set.copyOf(newSeverities), categories, kev, year, verdicts, sort,
                offset, limit, facets);
    }

    public SearchQuery withCategories(Collection<Category> newCategories) {
        return new SearchQuery(text, sources, since, severities, Set.copyOf(newCategories), kev, year, verdicts, sort,
                offset, limit, facets);
    }

    public SearchQuery withKev(Boolean listed) {
        return new SearchQuery(text, sources, since, severities, categories, Optional.ofNullable(listed), year,
                verdicts, sort, offset, limit, facets);
    }

    public SearchQuery withYear(Integer newYear) {
        return new SearchQuery(text, sources, since, severities, categories, kev, Optional.ofNullable(newYear),
                verdicts, sort, offset, limit, facets);
    }

    public SearchQuery withVerdicts(Collection<String> newVerdicts) {
        return new SearchQuery(text, sources, since, severities, categories, kev, year, Set.copyOf(newVerdicts), sort,
                offset, limit, facets);
    }

    public SearchQuery withSort(SortOrder newSort) {
        return new SearchQuery(text, sources, since, severities, categories, kev, year, verdicts, newSort, offset,
                limit, facets);
    }

    public SearchQuery withPage(int newOffset, int newLimit) {
        return new SearchQuery(text, sources, since, severities, categories, kev, year, verdicts, sort, newOffset,
                newLimit, facets);
    }
}
