package dev.shirase.cli;

import dev.shirase.advisory.Advisory;
import dev.shirase.app.Services;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.StoredMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code matches}: which advisories touch our software, with the verdict and its reason. */
@Command(name = "matches", mixinStandardHelpOptions = true,
        description = {"List the verdicts: 該当 (AFFECTED), 要確認 (CHECK), 非該当 (NOT_AFFECTED), each with",
                "the reason a person can check, and its triage state."})
public final class MatchesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--verdict", paramLabel = "VERDICT", description = "AFFECTED, CHECK or NOT_AFFECTED")
    Verdict verdict;

    @Option(names = "--asset", paramLabel = "ID", description = "only this asset")
    String asset;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
            services.matching();
            List<StoredMatch> found = services.matches().find(Optional.ofNullable(verdict), Optional.ofNullable(asset));
            Map<String, Advisory> advisories = services.advisories()
                    .findAll(found.stream().map(StoredMatch::advisoryId).distinct().toList()).stream()
                    .collect(Collectors.toMap(Advisory::id, Function.identity()));
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (StoredMatch m : found) {
                    Optional<Advisory> a = Optional.ofNullable(advisories.get(m.advisoryId()));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("advisory", m.advisoryId());
                    row.put("asset", m.assetId());
                    row.put("verdict", m.verdict().name());
                    row.put("reason", m.reason());
                    row.put("cves", a.map(Advisory::cves).orElse(List.of()));
                    row.put("severity", a.map(x -> x.severity().name()).orElse("UNKNOWN"));
                    row.put("triage", m.triage().label());
                    row.put("assetVersion", m.assetVersion().orElse(null));
                    row.put("title", a.map(Advisory::title).orElse(""));
                    row.put("url", a.map(Advisory::url).orElse(""));
                    rows.add(row);
                }
                System.out.println(Json.write(Map.of("matches", rows)));
            } else {
                System.out.println(found.size() + " match(es)");
                for (StoredMatch m : found) {
                    Advisory a = advisories.get(m.advisoryId());
                    System.out.printf("%n%s %s  %s × %s  [%s]%n", m.verdict().japanese(), m.verdict().name(),
                            m.advisoryId(), m.assetId(), m.triage().label());
                    if (a != null) {
                        System.out.println("  " + a.title());
                    }
                    System.out.println("  " + m.reason());
                }
            }
            return 0;
        }
    }
}
