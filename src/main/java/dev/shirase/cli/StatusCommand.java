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
            // Reading the outbox needs no channel (and so no secrets from the environment).
            dev.shirase.deliver.Outbox outbox = new dev.shirase.deliver.Outbox(services.database(), List.of());
            Map<dev.shirase.deliver.OutboxState, Integer> counts = outbox.counts();
            List<dev.shirase.deliver.OutboxEntry> open = outbox.entries().stream()
                    .filter(e -> e.state() != dev.shirase.deliver.OutboxState.SENT).toList();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                Map<String, Object> box = new LinkedHashMap<>();
                box.put("pending", counts.getOrDefault(dev.shirase.deliver.OutboxState.PENDING, 0));
                box.put("sent", counts.getOrDefault(dev.shirase.deliver.OutboxState.SENT, 0));
                box.put("failed", counts.getOrDefault(dev.shirase.deliver.OutboxState.FAILED, 0));
                box.put("open", open.stream().map(e -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("key", e.key());
                    r.put("channel", e.channel());
                    r.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
                    r.put("attempts", e.attempts());
                    r.put("nextAttempt", e.nextAttempt().toString());
                    r.put("lastError", e.lastError().orElse(null));
                    return r;
                }).toList());
                out.put("outbox", box);
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
                System.out.printf("outbox: %d pending, %d sent, %d failed%n",
                        counts.getOrDefault(dev.shirase.deliver.OutboxState.PENDING, 0),
                        counts.getOrDefault(dev.shirase.deliver.OutboxState.SENT, 0),
                        counts.getOrDefault(dev.shirase.deliver.OutboxState.FAILED, 0));
                for (dev.shirase.deliver.OutboxEntry e : open) {
                    System.out.printf("  %-7s %-14s %s (attempts %d, next %s)%s%n",
                            e.state().name().toLowerCase(java.util.Locale.ROOT), e.channel(), e.key(), e.attempts(),
                            e.nextAttempt(), e.lastError().map(err -> ": " + err).orElse(""));
                }
            }
            return allHealthy ? 0 : 1;
        }
    }
}
