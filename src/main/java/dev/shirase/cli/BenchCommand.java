package dev.shirase.cli;

import dev.shirase.bench.IngestBenchmark;
import dev.shirase.inventory.bench.MatchBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the performance targets, measured on this machine (see docs/BENCHMARKS.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure performance on this machine.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Match.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Generate N JVN-iPedia-like items from the real sample and ingest them end to end",
                    "(parse → store → index) into a scratch dir; compare with bare Lucene; measure search.",
                    "Run with -Xmx512m to check the memory target."})
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--items", defaultValue = "200000", description = "how many items (default ${DEFAULT-VALUE})")
        int items;

        @Option(names = "--page", defaultValue = "500", description = "items per feed document (default ${DEFAULT-VALUE})")
        int page;

        @Option(names = "--warmup", defaultValue = "300000", paramLabel = "N",
                description = {"at most N items through both paths before timing, in rounds of 10,000 until the JIT",
                        "compiler is nearly idle, then one untimed pipeline run of the full size, so the timed runs",
                        "meet compiled code (default ${DEFAULT-VALUE}; 0 measures a cold JVM)"})
        int warmup;

        @Option(names = "--rounds", defaultValue = "2", paramLabel = "N",
                description = {"timed pipeline runs, each between two bare Lucene runs (bare, pipeline, bare, ...);",
                        "more rounds weigh less a moment when the host is slow (default ${DEFAULT-VALUE})"})
        int rounds;

        @Option(names = "--work", paramLabel = "DIR", description = "scratch dir (default: a temp dir, deleted after)")
        Path work;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1) {
                throw new UserError("--rounds must be at least 1, not " + rounds);
            }
            Path dir = work != null ? work : Files.createTempDirectory("shirase-bench");
            System.out.printf("bench ingest: %,d items (after up to %,d to warm up), %d per document, %d cores,"
                            + " max heap %d MB, in %s%n", items, warmup, page,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dir);
            try {
                IngestBenchmark.Result r = new IngestBenchmark(items, warmup, page, rounds, System.out).run(dir);
                System.out.printf("pipeline (parse → store → index): %,d items in %.1f s = %,.0f advisories/s"
                                + " (mean of %d runs: %s s; process cpu %.1f s = %,.0f per cpu-second; %s)%n",
                        r.items(), r.seconds(), r.perSecond(), r.pipelines().size(), seconds(r.pipelines()),
                        r.cpuSeconds(), r.items() / r.cpuSeconds(), r.warmupItems() == 0
                                ? "cold JVM" : String.format("after %,d items to warm up", r.warmupItems()));
                System.out.printf("  stages of the last run: parse %.1f s (cpu %.1f s), %s%n", r.parseSeconds(),
                        r.parseCpuSeconds(), r.stages());
                System.out.printf("bare Lucene indexing, same documents: %.1f s = %,.0f docs/s (mean of %d runs: %s s;"
                                + " process cpu %.1f s)%n", r.bareSeconds(), r.barePerSecond(), r.bares().size(),
                        seconds(r.bares()), r.bareCpuSeconds());
                System.out.printf("ratio pipeline / bare Lucene: %.2f (each pipeline run against the bare runs on"
                        + " either side: %s)%n", r.ratio(), r.roundRatios().stream()
                        .map(x -> String.format("%.2f", x)).collect(Collectors.joining(", ")));
                System.out.printf("peak heap: %d MB in use (sampled every 10 ms), %d MB max live after a GC;"
                                + " sum of per-pool peaks %d MB (an upper bound)%n", r.sampledPeakHeapBytes() >> 20,
                        r.maxHeapAfterGcBytes() >> 20, r.peakHeapBytes() >> 20);
                System.out.printf("search over %,d with facets (web/API): %s%n", r.items(), r.search());
                System.out.printf("search over %,d without facets (CLI): %s%n", r.items(), r.searchNoFacets());
            } finally {
                if (work == null) {
                    IngestBenchmark.deleteTree(dir);
                }
            }
            return 0;
        }
    }

    private static String seconds(List<IngestBenchmark.TimedRun> runs) {
        return runs.stream().map(t -> String.format("%.1f", t.seconds())).collect(Collectors.joining(", "));
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "Full re-match of N assets against M advisories, and per-advisory matching time at ingest.")
    static final class Match implements Callable<Integer> {
        @Option(names = "--assets", defaultValue = "1000")
        int assets;

        @Option(names = "--advisories", defaultValue = "200000")
        int advisories;

        @Option(names = "--threads", defaultValue = "2")
        int threads;

        @Override
        public Integer call() throws Exception {
            MatchBench.main(new String[] {Integer.toString(assets), Integer.toString(advisories),
                    Integer.toString(threads)});
            return 0;
        }
    }
}
