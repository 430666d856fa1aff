package dev.shirase.web;

import dev.shirase.web.view.SearchForm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The search page's state in its URL: reads a {@link SearchForm} from query parameters and writes the links that
 * change one thing (toggle a facet value, sort, page) while keeping everything else, language included.
 *
 * <p>Parameters: {@code q}, repeatable {@code source severity category vendor verdict}, {@code kev=true|false},
 * {@code year}, {@code sort=date|relevance}, {@code page}, {@code size}, {@code lang}.
 */
public final class SearchParams {

    private SearchParams() {
    }

    /** Reads the form; bad numbers and unknown sort values fall back to defaults rather than failing. */
    public static SearchForm read(Function<String, List<String>> params) {
        String q = first(params, "q").orElse("");
        if (q.length() > 500) {
            q = q.substring(0, 500);
        }
        Optional<Boolean> kev = first(params, "kev").map(v -> v.toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("true") || v.equals("false")).map(Boolean::parseBoolean);
        Optional<Integer> year = first(params, "year").flatMap(SearchParams::parseInt).filter(y -> y > 1900 && y < 3000);
        boolean byDate = first(params, "sort").map("date"::equalsIgnoreCase).orElse(false);
        int page = first(params, "page").flatMap(SearchParams::parseInt).orElse(1);
        int size = first(params, "size").flatMap(SearchParams::parseInt).orElse(SearchForm.DEFAULT_PAGE_SIZE);
        return new SearchForm(q, values(params, "source"), upper(values(params, "severity")),
                upper(values(params, "category")), values(params, "vendor"), values(params, "verdict"),
                kev, year, byDate, page, size);
    }

    /** The search page URL for {@code form} in {@code lang} (page and size included only when not default). */
    public static String url(String path, SearchForm form, Lang lang) {
        List<String[]> p = new ArrayList<>();
        if (!form.text().isEmpty()) {
            p.add(new String[] {"q", form.text()});
        }
        form.sources().forEach(v -> p.add(new String[] {"source", v}));
        form.severities().forEach(v -> p.add(new String[] {"severity", v}));
        form.categories().forEach(v -> p.add(new String[] {"category", v}));
        form.vendors().forEach(v -> p.add(new String[] {"vendor", v}));
        form.verdicts().forEach(v -> p.add(new String[] {"verdict", v}));
        form.kev().ifPresent(v -> p.add(new String[] {"kev", v.toString()}));
        form.year().ifPresent(v -> p.add(new String[] {"year", v.toString()}));
        if (form.byDate()) {
            p.add(new String[] {"sort", "date"});
        }
        if (form.page() > 1) {
            p.add(new String[] {"page", Integer.toString(form.page())});
        }
        if (form.pageSize() != SearchForm.DEFAULT_PAGE_SIZE) {
            p.add(new String[] {"size", Integer.toString(form.pageSize())});
        }
        if (lang == Lang.EN) {
            p.add(new String[] {"lang", "en"});
        }
        StringBuilder sb = new StringBuilder(path);
        for (int i = 0; i < p.size(); i++) {
            sb.append(i == 0 ? '?' : '&').append(p.get(i)[0]).append('=').append(encode(p.get(i)[1]));
        }
        return sb.toString();
    }

    /** Whether {@code value} of {@code dim} is one of the form's filters. */
    public static boolean active(SearchForm f, String dim, String value) {
        return switch (dim) {
            case "source" -> f.sources().contains(value);
            case "severity" -> f.severities().contains(value.toUpperCase(Locale.ROOT));
            case "category" -> f.categories().contains(value.toUpperCase(Locale.ROOT));
            case "vendor" -> f.vendors().contains(value);
            case "verdict" -> f.verdicts().contains(value);
            case "kev" -> f.kev().map(k -> k.toString().equals(value)).orElse(false);
            case "year" -> f.year().map(y -> y.toString().equals(value)).orElse(false);
            default -> false;
        };
    }

    /** The form with {@code value} of {@code dim} switched on or off, back on page 1. */
    public static SearchForm toggle(SearchForm f, String dim, String value) {
        boolean on = !active(f, dim, value);
        List<String> sources = f.sources();
        List<String> severities = f.severities();
        List<String> categories = f.categories();
        List<String> vendors = f.vendors();
        List<String> verdicts = f.verdicts();
        Optional<Boolean> kev = f.kev();
        Optional<Integer> year = f.year();
        switch (dim) {
            case "source" -> sources = flip(sources, value, on);
            case "severity" -> severities = flip(severities, value.toUpperCase(Locale.ROOT), on);
            case "category" -> categories = flip(categories, value.toUpperCase(Locale.ROOT), on);
            case "vendor" -> vendors = flip(vendors, value, on);
            case "verdict" -> verdicts = flip(verdicts, value, on);
            case "kev" -> kev = on ? Optional.of(Boolean.parseBoolean(value)) : Optional.empty();
            case "year" -> year = on ? parseInt(value) : Optional.empty();
            default -> { }
        }
        return new SearchForm(f.text(), sources, severities, categories, vendors, verdicts, kev, year, f.byDate(), 1,
                f.pageSize());
    }

    public static SearchForm withSort(SearchForm f, boolean byDate) {
        return new SearchForm(f.text(), f.sources(), f.severities(), f.categories(), f.vendors(), f.verdicts(), f.kev(),
                f.year(), byDate, 1, f.pageSize());
    }

    public static SearchForm withPage(SearchForm f, int page) {
        return new SearchForm(f.text(), f.sources(), f.severities(), f.categories(), f.vendors(), f.verdicts(), f.kev(),
                f.year(), f.byDate(), page, f.pageSize());
    }

    /** Plain query-string encoding (spaces as %20 so links read the same everywhere). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Reads a whole parameter map (for tests and the API echo). */
    public static SearchForm read(Map<String, List<String>> params) {
        return read(name -> params.getOrDefault(name, List.of()));
    }

    private static List<String> flip(List<String> list, String value, boolean on) {
        List<String> out = new ArrayList<>(list);
        out.remove(value);
        if (on) {
            out.add(value);
        }
        return out;
    }

    private static List<String> values(Function<String, List<String>> params, String name) {
        List<String> raw = params.apply(name);
        if (raw == null) {
            return List.of();
        }
        return raw.stream().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 200).distinct().limit(20)
                .toList();
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT).replace('-', '_')).toList();
    }

    private static Optional<String> first(Function<String, List<String>> params, String name) {
        List<String> raw = params.apply(name);
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw.get(0).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
