package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.ingest.PollReport;
import dev.shirase.ingest.SourcePoller;
import dev.shirase.source.FeedSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fetch}: poll sources once, now. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Poll the configured sources once and ingest what is new.",
                "Exit code 1 when any source failed; the others are still ingested."})
public final class FetchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "ID", description = "only this source (repeatable)")
    List<String> only = new ArrayList<>();

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), line -> System.err.println(line))) {
            List<FeedSource> sources = SourceSelection.select(services.feeds(), only);
            List<PollReport> reports = pollAll(services, sources, !json);
            if (json) {
                System.out.println(Json.write(Map.of("sources", reports.stream().map(FetchCommand::toJson).toList())));
            }
            return reports.stream().anyMatch(PollReport::failed) ? 1 : 0;
        }
    }

    /** Polls each source in turn, printing one line per source unless quiet. */
    static List<PollReport> pollAll(Services services, List<FeedSource> sources, boolean print) {
        SourcePoller poller = services.poller(services.gapFiller());
        List<PollReport> reports = new ArrayList<>();
        for (FeedSource source : sources) {
            if (print) {
                System.out.printf("%-12s fetching %s%n", source.id(), dev.shirase.source.UrlRedactor.redact(source.url()));
            }
            PollReport report = poller.poll(source);
            reports.add(report);
            if (print) {
                System.out.println(describe(report));
            }
        }
        return reports;
    }

    static String describe(PollReport r) {
        String line = switch (r.status()) {
            case OK -> String.format("%-12s ok: %d new, %d updated, %d unchanged", r.sourceId(), r.added(),
                    r.updated(), r.unchanged());
            case NOT_MODIFIED -> String.format("%-12s not modified", r.sourceId());
            case ERROR -> String.format("%-12s ERROR: %s", r.sourceId(), r.error().orElse(""));
            case SKIPPED -> String.format("%-12s skipped: %s", r.sourceId(), r.error().orElse(""));
        };
        return r.gapWarning().map(g -> line + System.lineSeparator() + "             warning: " + g).orElse(line);
    }

    static Map<String, Object> toJson(PollReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.sourceId());
        m.put("status", r.status().json());
        m.put("new", r.added());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("error", r.failed() ? r.error().orElse(null) : null);
        m.put("gapWarning", r.gapWarning().orElse(null));
        return m;
    }
}
