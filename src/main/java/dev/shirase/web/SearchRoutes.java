package dev.shirase.web;

import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.HitRow;
import dev.shirase.web.view.ResultPage;
import dev.shirase.web.view.SearchForm;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search page ({@code /}) and {@code /api/search}: the same query, as HTML or as JSON. */
final class SearchRoutes {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final List<String> FACET_ORDER = List.of("source", "severity", "verdict", "kev", "category", "year",
            "vendor");
    private static final int FACET_VALUES = 12;

    private final ArchiveView archive;
    private final Pages pages;

    SearchRoutes(ArchiveView archive, Pages pages) {
        this.archive = archive;
        this.pages = pages;
    }

    void page(Context ctx) {
        Lang lang = pages.lang(ctx);
        SearchForm form = SearchParams.read(ctx::queryParams);
        ResultPage result = archive.search(form);
        Map<String, Object> m = pages.base(ctx, "search", SearchParams.url("/", form, Lang.JA));
        Messages t = pages.messages();
        m.put("q", form.text());
        m.put("total", result.total());
        m.put("byDate", form.byDate());
        m.put("sortRelevanceUrl", SearchParams.url("/", SearchParams.withSort(form, false), lang));
        m.put("sortDateUrl", SearchParams.url("/", SearchParams.withSort(form, true), lang));
        List<Map<String, Object>> hits = new ArrayList<>();
        for (HitRow h : result.hits()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", h.id());
            row.put("href", Pages.link(PathIds.advisoryPath(h.id()), lang));
            row.put("titleHtml", SafeMarkup.marked(h.titleHtml()));
            row.put("snippetHtml", SafeMarkup.marked(h.snippetHtml()));
            row.put("source", h.source());
            row.put("published", h.published().format(DAY));
            row.put("severity", h.severity());
            row.put("severityLabel", t.get(lang, "severity." + h.severity()));
            row.put("severityClass", h.severity().toLowerCase(java.util.Locale.ROOT));
            row.put("kev", h.kev());
            row.put("cves", h.cves().size() > 5 ? h.cves().subList(0, 5) : h.cves());
            row.put("category", t.get(lang, "category." + h.category()));
            row.put("url", SafeLinks.httpOrEmpty(h.url()));
            hits.add(row);
        }
        m.put("hits", hits);
        m.put("facets", facets(form, result, lang, t));
        m.put("active", activeFilters(form, lang, t));
        m.put("paging", paging(form, result.total(), lang));
        pages.render(ctx, 200, "search", m);
    }

    void api(Context ctx) {
        SearchForm form = SearchParams.read(ctx::queryParams);
        ResultPage result = archive.search(form);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", form.text());
        query.put("source", form.sources());
        query.put("severity", form.severities());
        query.put("category", form.categories());
        query.put("vendor", form.vendors());
        query.put("verdict", form.verdicts());
        query.put("kev", form.kev().orElse(null));
        query.put("year", form.year().orElse(null));
        query.put("sort", form.byDate() ? "date" : "relevance");
        query.put("page", form.page());
        query.put("size", form.pageSize());
        body.put("query", query);
        body.put("total", result.total());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (HitRow h : result.hits()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", h.id());
            row.put("title", h.title());
            row.put("url", SafeLinks.httpOrEmpty(h.url()));
            row.put("source", h.source());
            row.put("published", h.published());
            row.put("category", h.category());
            row.put("severity", h.severity());
            row.put("cves", h.cves());
            row.put("related", h.related());
            row.put("kev", h.kev());
            row.put("epss", h.epss().orElse(null));
            row.put("score", h.score());
            row.put("titleHtml", SafeMarkup.marked(h.titleHtml()));
            row.put("snippetHtml", SafeMarkup.marked(h.snippetHtml()));
            row.put("href", PathIds.advisoryPath(h.id()));
            hits.add(row);
        }
        body.put("hits", hits);
        body.put("facets", result.facets());
        Json.send(ctx, 200, body);
    }

    private static List<Map<String, Object>> facets(SearchForm form, ResultPage result, Lang lang, Messages t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String dim : FACET_ORDER) {
            Map<String, Long> values = result.facets().getOrDefault(dim, Map.of());
            if (values.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            values.entrySet().stream().limit(FACET_VALUES).forEach(e -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("value", e.getKey());
                item.put("label", label(dim, e.getKey(), lang, t));
                item.put("count", e.getValue());
                item.put("active", SearchParams.active(form, dim, e.getKey()));
                item.put("url", SearchParams.url("/", SearchParams.toggle(form, dim, e.getKey()), lang));
                items.add(item);
            });
            Map<String, Object> facet = new LinkedHashMap<>();
            facet.put("dim", dim);
            facet.put("label", t.get(lang, "facet." + dim));
            facet.put("items", items);
            out.add(facet);
        }
        return out;
    }

    /** The filters in force, each with a link that removes it. */
    private static List<Map<String, Object>> activeFilters(SearchForm form, Lang lang, Messages t) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, List<String>> byDim = new LinkedHashMap<>();
        byDim.put("source", form.sources());
        byDim.put("severity", form.severities());
        byDim.put("category", form.categories());
        byDim.put("vendor", form.vendors());
        byDim.put("verdict", form.verdicts());
        byDim.put("kev", form.kev().map(k -> List.of(k.toString())).orElse(List.of()));
        byDim.put("year", form.year().map(y -> List.of(y.toString())).orElse(List.of()));
        byDim.forEach((dim, values) -> values.forEach(v -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("label", t.get(lang, "facet." + dim) + ": " + label(dim, v, lang, t));
            f.put("url", SearchParams.url("/", SearchParams.toggle(form, dim, v), lang));
            out.add(f);
        }));
        return out;
    }

    static String label(String dim, String value, Lang lang, Messages t) {
        String key = switch (dim) {
            case "severity" -> "severity." + value.toUpperCase(java.util.Locale.ROOT);
            case "category" -> "category." + value.toUpperCase(java.util.Locale.ROOT);
            case "verdict" -> "verdict." + value.toUpperCase(java.util.Locale.ROOT);
            case "kev" -> "kev." + value;
            default -> "";
        };
        if (key.isEmpty()) {
            return value;
        }
        String text = t.get(lang, key);
        return text.equals(key) ? value : text;
    }

    private static Map<String, Object> paging(SearchForm form, long total, Lang lang) {
        Map<String, Object> p = new LinkedHashMap<>();
        long reachable = Math.min(total, SearchForm.MAX_WINDOW);
        int last = (int) Math.max(1, (reachable + form.pageSize() - 1) / form.pageSize());
        p.put("page", form.page());
        p.put("last", last);
        p.put("from", total == 0 ? 0 : form.offset() + 1);
        p.put("to", Math.min(total, (long) form.offset() + form.pageSize()));
        p.put("prevUrl", form.page() > 1 ? SearchParams.url("/", SearchParams.withPage(form, form.page() - 1), lang) : "");
        p.put("nextUrl", form.page() < last ? SearchParams.url("/", SearchParams.withPage(form, form.page() + 1), lang) : "");
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int i = Math.max(1, form.page() - 3); i <= Math.min(last, form.page() + 3); i++) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("n", i);
            n.put("current", i == form.page());
            n.put("url", SearchParams.url("/", SearchParams.withPage(form, i), lang));
            numbers.add(n);
        }
        p.put("numbers", numbers);
        return p;
    }
}
