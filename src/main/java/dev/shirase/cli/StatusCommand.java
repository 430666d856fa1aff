package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.source.FeedSource;
import dev.shirase.source.SourceState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: the health of every source and the size of the archive. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each source's health (last success, last error, items, gap warnings)",
                "and the archive's size. Exit code 1 when a source is unhealthy."})
public final class StatusCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), line -> { })) {
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean allHealthy = true;
            Map<String, Integer> bySource = services.advisories().countBySource();
            for (FeedSource source : services.feeds().sources()) {
                SourceState state = services.sourceStates().load(source.id()).orElse(SourceState.initial(source.id()));
                boolean healthy = state.healthy();
                allHealthy &= healthy || !source.enabled();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", source.id());
                row.put("type", source.type().key());
                row.put("enabled", source.enabled());
                row.put("healthy", healthy);
                row.put("reason", state.healthReason());
                row.put("lastAttempt", state.lastAttempt().map(Object::toString).orElse(null));
                row.put("lastSuccess", state.lastSuccess().map(Object::toString).orElse(null));
                row.put("lastError", state.lastError().orElse(null));
                row.put("items", state.itemCount());
                row.put("archived", bySource.getOrDefault(source.id(), 0));
                row.put("nextAttempt", state.nextAttempt().map(Object::toString).orElse(null));
                row.put("gapWarning", state.gapWarning().orElse(null));
                rows.add(row);
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("sources", rows);
                out.put("advisories", services.advisories().count());
                out.put("indexed", services.index().count());
                System.out.println(Json.write(out));
            } else {
                System.out.printf("archive: %d advisories (%d indexed) in %s%n", services.advisories().count(),
                        services.index().count(), services.database().displayUrl());
                for (Map<String, Object> row : rows) {
                    System.out.printf("%-12s %-9s %s; archived %s%n", row.get("id"),
                            Boolean.TRUE.equals(row.get("healthy")) ? "healthy" : "UNHEALTHY", row.get("reason"),
                            row.get("archived"));
                    if (row.get("gapWarning") != null) {
                        System.out.println("             warning: " + row.get("gapWarning"));
                    }
                }
            }
            return allHealthy ? 0 : 1;
        }
    }
}
