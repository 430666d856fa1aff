package dev.shirase.web.view;

import java.util.List;
import java.util.Optional;

/**
 * What the search page (or {@code /api/search}) asked for, as read from the URL. The URL holds the whole state,
 * so this record is also what builds every link on the page (facets, sort, paging, language).
 *
 * @param text       free text as typed ("" for everything)
 * @param sources    source ids to keep (empty: all)
 * @param severities severity names (CRITICAL, HIGH …) to keep
 * @param categories category names (VULNERABILITY, ALERT …) to keep
 * @param vendors    vendor names to keep
 * @param verdicts   verdict names (AFFECTED, CHECK, NOT_AFFECTED) to keep
 * @param kev        present: only advisories in (true) or not in (false) CISA KEV
 * @param year       published in this year
 * @param byDate     newest first instead of by relevance
 * @param page       1-based page number
 * @param pageSize   hits per page
 */
public record SearchForm(String text, List<String> sources, List<String> severities, List<String> categories,
                         List<String> vendors, List<String> verdicts, Optional<Boolean> kev, Optional<Integer> year,
                         boolean byDate, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deepest reachable hit: paging beyond it is clamped (the index collects proportionally to the window). */
    public static final int MAX_WINDOW = 10_000;

    public SearchForm {
        text = text == null ? "" : text.strip();
        sources = sources == null ? List.of() : List.copyOf(sources);
        severities = severities == null ? List.of() : List.copyOf(severities);
        categories = categories == null ? List.of() : List.copyOf(categories);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        kev = kev == null ? Optional.empty() : kev;
        year = year == null ? Optional.empty() : year;
        pageSize = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        page = Math.max(1, Math.min(page, MAX_WINDOW / pageSize));
    }

    public static SearchForm of(String text) {
        return new SearchForm(text, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), false, 1, DEFAULT_PAGE_SIZE);
    }

    /** 0-based index of the first hit of this page. */
    public int offset() {
        return (page - 1) * pageSize;
    }
}
