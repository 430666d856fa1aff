package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.search.SearchResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: query the archive from the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the archive (Japanese and English; an identifier such as CVE-2026-1234,",
                "JVNDB-2026-000001, JVN#12345678 or JVNVU#12345678 finds every advisory carrying it)."})
public final class SearchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "words to search for (all must match)")
    List<String> words = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "10", description = "how many hits (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--source", paramLabel = "ID", description = "only from this source (repeatable)")
    List<String> sources = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "published on or after (YYYY-MM-DD)")
    LocalDate since;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new UserError("--limit must be between 1 and 1000");
        }
        try (Services services = Services.open(GlobalOptions.of(spec).load(), line -> { })) {
            SearchQuery query = SearchQuery.of(String.join(" ", words))
                    .withSources(Set.copyOf(sources))
                    .withSince(since)
                    .withPage(0, limit)
                    .withFacets(false);
            SearchResults results = services.index().search(query);
            if (json) {
                System.out.println(Json.write(toJson(results)));
            } else {
                print(results);
            }
            return 0;
        }
    }

    private static void print(SearchResults results) {
        System.out.println(results.total() + " hit(s)");
        for (SearchHit hit : results.hits()) {
            System.out.printf("%n%s  %s  [%s] %s%n", hit.published().toLocalDate(), hit.id(), hit.source(),
                    hit.severity() == dev.shirase.advisory.Severity.UNKNOWN ? "" : hit.severity());
            System.out.println("  " + hit.title());
            if (!hit.cves().isEmpty()) {
                System.out.println("  " + String.join(", ", hit.cves()));
            }
            if (!hit.related().isEmpty()) {
                System.out.println("  related: " + String.join(", ", hit.related()));
            }
            System.out.println("  " + hit.url());
        }
    }

    static Map<String, Object> toJson(SearchResults results) {
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : results.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("title", h.title());
            m.put("url", h.url());
            m.put("source", h.source());
            m.put("published", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.published()));
            m.put("cves", h.cves());
            m.put("severity", h.severity().name());
            m.put("related", h.related());
            m.put("category", h.category().name());
            m.put("kev", h.kev());
            m.put("epss", h.epss().orElse(null));
            m.put("score", h.score());
            hits.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", results.total());
        out.put("hits", hits);
        return out;
    }
}
