package dev.shirase.bench;

import dev.shirase.ingest.ArchiveListener;
import dev.shirase.ingest.FeedParsers;
import dev.shirase.ingest.Ingestor;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.IndexEntry;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench ingest}: N generated JVN-iPedia-like items end to end (parse → store → index) into a fresh data dir
 * (parsing one feed document ahead on a second thread, the index written by the index's worker threads; each feed
 * document made searchable as the ingestor does it, durable index commits as its policy says, and one at the end,
 * inside the timed part), then search latency over the result. The same documents go into a bare index (Lucene
 * alone) for comparison, alternating with the pipeline: bare, pipeline, bare, pipeline, bare for two rounds. On a
 * shared host the machine's speed drifts and jumps by 15-25% from one minute to the next; the bare runs on both sides
 * of every pipeline run cancel a steady drift, and more than one round halves a jump's weight. A warm-up through
 * both paths comes first, untimed, until the JIT compiler is nearly idle, then an untimed rehearsal of the full-size
 * pipeline run.
 */
public final class IngestBenchmark {
    private static final List<String> QUERIES = List.of("認証", "Google Chrome", "クロスサイトスクリプティング",
            "CVE-2026-200123", "JVNDB-2026-100077", "ＣＨＲＯＭＥ", "改ざん", "WordPress プラグイン",
            "情報漏えい", "サービス運用妨害 (DoS)", "OS コマンドインジェクション", "Linux カーネル");

    /**
     * What one benchmark measured: the timed pipeline runs and the bare Lucene runs around them (one more than
     * pipeline runs), in the order they ran; {@code stages} is the last pipeline run's per-stage breakdown of the
     * ingestor, {@code parse*} its parser's share.
     */
    public record Result(int items, int warmupItems, List<TimedRun> pipelines, List<TimedRun> bares,
                         double parseSeconds, double parseCpuSeconds, String stages,
                         long peakHeapBytes, long sampledPeakHeapBytes, long maxHeapAfterGcBytes,
                         Latency search, Latency searchNoFacets) {
        public Result {
            pipelines = List.copyOf(pipelines);
            bares = List.copyOf(bares);
            if (pipelines.isEmpty() || bares.size() != pipelines.size() + 1) {
                throw new IllegalArgumentException(pipelines.size() + " pipeline runs need one more bare run, not "
                        + bares.size());
            }
        }

        /** Mean wall seconds of the pipeline runs. */
        public double seconds() {
            return mean(pipelines, TimedRun::seconds);
        }

        public double cpuSeconds() {
            return mean(pipelines, TimedRun::cpuSeconds);
        }

        public double perSecond() {
            return items / seconds();
        }

        /** Mean wall seconds of the bare runs (their middle is the pipeline runs' middle). */
        public double bareSeconds() {
            return mean(bares, TimedRun::seconds);
        }

        public double bareCpuSeconds() {
            return mean(bares, TimedRun::cpuSeconds);
        }

        public double barePerSecond() {
            return items / bareSeconds();
        }

        /** Pipeline speed over bare Lucene speed, from the means of all runs. */
        public double ratio() {
            return perSecond() / barePerSecond();
        }

        /** The ratio of each pipeline run alone, against the mean of the two bare runs on either side of it. */
        public List<Double> roundRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < pipelines.size(); i++) {
                ratios.add((bares.get(i).seconds() + bares.get(i + 1).seconds()) / 2 / pipelines.get(i).seconds());
            }
            return ratios;
        }

        private static double mean(List<TimedRun> runs, ToDoubleFunction<TimedRun> value) {
            return runs.stream().mapToDouble(value).average().orElseThrow();
        }
    }

    /** One timed run: wall and process CPU seconds (all threads, so a loaded machine shows in the gap). */
    public record TimedRun(double seconds, double cpuSeconds) {
    }

    /** Search latency percentiles in milliseconds: wall clock, and CPU time of the searching thread. */
    public record Latency(double p50, double p99, double cpuP50, double cpuP99, double max, String slowest) {
        static final Latency NONE = new Latency(0, 0, 0, 0, 0, "");

        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p99 %.1f ms (thread cpu p50 %.1f ms, p99 %.1f ms; slowest %s %.1f ms)",
                    p50, p99, cpuP50, cpuP99, slowest, max);
        }
    }

    /** Rounds of the typical queries run untimed before search latencies are measured. */
    static final int SEARCH_WARMUP_ROUNDS = 100;
    /** Items per warm-up round. */
    private static final int WARMUP_ROUND = 10_000;
    /** The warm-up ends once the JIT compiler ran for less than this share of a round's wall time. */
    private static final double QUIET_JIT = 0.10;

    /** The sub-directories a run makes (also those of earlier versions: pipeline, bare, bare-after). */
    private static final Pattern OWN_DIR = Pattern.compile("warmup|pipeline(-\\d+)?|bare(-\\d+|-after)?");

    private final int items;
    /** At most this many items to warm up. */
    private final int warmup;
    private final int pageSize;
    /** Timed pipeline runs, each between two bare runs. */
    private final int rounds;
    private final int searchWarmupRounds;
    private final PrintStream out;
    private final JvndbFeedGenerator generator = new JvndbFeedGenerator();
    /** The parser production uses for the {@code jvndb} type. */
    private final FeedParser parser = new FeedParsers().forType(FeedType.JVNDB);
    private final FeedSource source = new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"),
            null, true);

    /** Up to {@code warmup} items go through both paths untimed first (0: measure a cold JVM). */
    public IngestBenchmark(int items, int warmup, int pageSize, int rounds, PrintStream out) {
        this(items, warmup, pageSize, rounds, SEARCH_WARMUP_ROUNDS, out);
    }

    /** With fewer untimed search rounds (tests). */
    IngestBenchmark(int items, int warmup, int pageSize, int rounds, int searchWarmupRounds, PrintStream out) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one timed round, not " + rounds);
        }
        this.items = items;
        this.warmup = warmup;
        this.pageSize = pageSize;
        this.rounds = rounds;
        this.searchWarmupRounds = searchWarmupRounds;
        this.out = out;
    }

    /**
     * Runs the benchmark in {@code workDir}. What an earlier run left in its sub-directories ({@code warmup},
     * {@code pipeline-N}, {@code bare-N}) is deleted first: re-ingesting a filled store would find every item
     * unchanged and measure nothing. Nothing else in {@code workDir} is touched. The last pipeline run's and the last
     * bare run's directories stay for inspection; the earlier ones are deleted once measured.
     */
    public Result run(Path workDir) throws IOException {
        deleteLeftOvers(workDir);
        int warmedUp = warmUp(workDir.resolve("warmup"));
        if (warmedUp > 0) {
            warmedUp += rehearse(workDir.resolve("warmup"));
        }
        collectGarbage();
        resetPeaks();
        HeapSampler sampler = HeapSampler.start(); // covers the bare runs too
        List<TimedRun> bares = new ArrayList<>();
        List<TimedRun> pipelines = new ArrayList<>();
        bares.add(timedBare(workDir, 1));
        PipelineRun last = null;
        long peak = 0;
        for (int round = 1; round <= rounds; round++) {
            collectGarbage();
            boolean lastRound = round == rounds;
            Path dir = Files.createDirectories(workDir.resolve("pipeline-" + round));
            // Search latencies are measured once, over the last run's archive.
            PipelineRun run = pipeline(dir, items, lastRound);
            peak = Math.max(peak, peakHeap());
            out.printf("pipeline run %d of %d: %.1f s = %,.0f advisories/s (process cpu %.1f s)%n", round, rounds,
                    run.seconds(), items / run.seconds(), run.cpuSeconds());
            pipelines.add(new TimedRun(run.seconds(), run.cpuSeconds()));
            if (!lastRound) {
                deleteTree(dir);
            }
            collectGarbage();
            bares.add(timedBare(workDir, round + 1));
            last = run;
        }
        sampler.stop();
        return new Result(items, warmedUp, pipelines, bares, last.parseSeconds(), last.parseCpuSeconds(),
                last.stages(), peak, sampler.peakUsed(), sampler.maxAfterGc(), last.search(), last.searchNoFacets());
    }

    private void deleteLeftOvers(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        List<Path> own;
        try (Stream<Path> list = Files.list(workDir)) {
            own = list.filter(Files::isDirectory).filter(d -> OWN_DIR.matcher(d.getFileName().toString()).matches())
                    .sorted().toList();
        }
        for (Path dir : own) {
            out.printf("deleting %s (left by an earlier run)%n", dir);
            deleteTree(dir);
        }
    }

    /**
     * Like a JMH warm-up: rounds of {@value #WARMUP_ROUND} items through the pipeline and through bare Lucene until
     * the JIT compiler is nearly idle (or {@code warmup} items are spent), so both timed runs meet compiled code, not
     * the compiler working beside them: on two cores, C2 takes about a third of the machine for the first one to two
     * minutes (some 150,000 items), while the application threads leave it little room to finish. Returns how many
     * items it took.
     */
    private int warmUp(Path scratch) throws IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        int done = 0;
        while (done < warmup) {
            int count = Math.min(WARMUP_ROUND, warmup - done);
            done += count;
            long jitStart = jitTimed ? jit.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            PipelineRun cold = pipeline(Files.createDirectories(scratch.resolve("pipeline")), count, false);
            TimedRun coldBare = bareLucene(Files.createDirectories(scratch.resolve("bare")), count);
            double seconds = (System.nanoTime() - start) / 1e9;
            double jitShare = jitTimed ? (jit.getTotalCompilationTime() - jitStart) / 1e3 / seconds : 0;
            out.printf("warm-up (not timed) %,d items: pipeline %,.0f advisories/s, bare Lucene %,.0f docs/s,"
                    + " JIT compiling %.0f%% of the time%n", count, count / cold.seconds(), count / coldBare.seconds(),
                    jitShare * 100);
            deleteTree(scratch);
            if (jitTimed && jitShare < QUIET_JIT) {
                break;
            }
        }
        return done;
    }

    /**
     * After the rounds, one untimed pipeline run of the full size, as JMH warms up with the measured workload itself:
     * only a large run reaches some code (merges of large segments, durable commits of the commit policy, item
     * numbers and dates past the first rounds), and the JIT compiler would otherwise compile it during the timed run
     * (5–6 s of compiler CPU measured there). Returns how many items it took.
     */
    private int rehearse(Path scratch) throws IOException {
        PipelineRun run = pipeline(Files.createDirectories(scratch.resolve("pipeline")), items, false);
        out.printf("rehearsal (not timed) %,d items: pipeline %,.0f advisories/s%n", items, items / run.seconds());
        deleteTree(scratch);
        return items;
    }

    /** What one pipeline run measured; the latencies are empty when it did not search. */
    private record PipelineRun(double seconds, double cpuSeconds, double parseSeconds, double parseCpuSeconds,
                               String stages, Latency search, Latency searchNoFacets) {
    }

    /** {@code count} items parse → store → index into a fresh data dir; then, if asked, search latencies. */
    private PipelineRun pipeline(Path data, int count, boolean search) {
        long[] parseNanos = new long[2];
        try (Database db = Database.open(Database.defaultUrl(data), "sa", "");
             AdvisoryIndex index = AdvisoryIndex.open(data.resolve("index"))) {
            AdvisoryRepository advisories = new AdvisoryRepository(db);
            Ingestor ingestor = new Ingestor(advisories, new EnrichmentRepository(db), index, ArchiveListener.NONE);
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            // Parsing runs one document ahead on its own thread: parse n+1 while n is stored and indexed.
            ExecutorService parsing = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-parse");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<ParsedFeed> next = parsing.submit(() -> timedParse(generator.pageBody(0, Math.min(pageSize, count)),
                        parseNanos));
                for (int first = 0; first < count; first += pageSize) {
                    int done = Math.min(count, first + pageSize);
                    ParsedFeed page = next.get();
                    if (done < count) {
                        int following = done;
                        int followingCount = Math.min(pageSize, count - following);
                        next = parsing.submit(() -> timedParse(generator.pageBody(following, followingCount), parseNanos));
                    }
                    ingestor.ingest(page, Instant.now());
                    progress("pipeline", done, count, start);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("parsing failed: " + e.getCause(), e.getCause());
            } finally {
                parsing.shutdownNow();
            }
            // Each ingest made its documents visible; the closing durable commit is part of the load too.
            ingestor.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            if (index.count() != count) {
                throw new IllegalStateException("only " + index.count() + " of " + count + " advisories are searchable");
            }
            if (search) {
                // Merges the load left running would share the two cores with the searches measured.
                long mergeWait = System.nanoTime();
                int before = index.segmentCount();
                index.awaitMerges();
                out.printf("  background merges finished %.1f s after the load; segments searched %d, then %d%n",
                        (System.nanoTime() - mergeWait) / 1e9, before, index.segmentCount());
            }
            Latency withFacets = search ? searchLatencies(index, true) : Latency.NONE;
            Latency withoutFacets = search ? searchLatencies(index, false) : Latency.NONE;
            return new PipelineRun(seconds, cpuSeconds, parseNanos[0] / 1e9, parseNanos[1] / 1e9,
                    ingestor.stageTimes().summary(), withFacets, withoutFacets);
        }
    }

    /**
     * Timed bare run number {@code n} into {@code bare-n}, printed as it ends; the one before it is deleted (only the
     * last stays).
     */
    private TimedRun timedBare(Path workDir, int n) throws IOException {
        deleteTree(workDir.resolve("bare-" + (n - 1)));
        TimedRun bare = bareLucene(Files.createDirectories(workDir.resolve("bare-" + n)), items);
        out.printf("bare Lucene run %d of %d: %.1f s = %,.0f docs/s (process cpu %.1f s)%n", n, rounds + 1,
                bare.seconds(), items / bare.seconds(), bare.cpuSeconds());
        return bare;
    }

    /**
     * The same documents into a fresh index with no parser, store or correlation in the timed part.
     */
    private TimedRun bareLucene(Path dir, int count) {
        long timed = 0;
        long cpu = 0;
        try (AdvisoryIndex index = AdvisoryIndex.open(dir)) {
            for (int first = 0; first < count; first += pageSize) {
                int pageCount = Math.min(pageSize, count - first);
                List<IndexEntry> page = parse(generator.pageBody(first, pageCount)).advisories().stream()
                        .map(IndexEntry::of).toList();
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                index.indexAll(page);
                timed += System.nanoTime() - start;
                cpu += processCpuNanos() - cpuStart;
            }
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            index.commit();
            timed += System.nanoTime() - start;
            cpu += processCpuNanos() - cpuStart;
        }
        return new TimedRun(timed / 1e9, cpu / 1e9);
    }

    /**
     * Wall and thread-CPU milliseconds per search, over 20 rounds of the typical queries, after untimed rounds
     * ({@value #SEARCH_WARMUP_ROUNDS} by default) that let the JIT compile the search paths (the ingest left them cold).
     */
    private Latency searchLatencies(AdvisoryIndex index, boolean facets) {
        for (int r = 0; r < searchWarmupRounds; r++) {
            for (String q : QUERIES) {
                index.search(SearchQuery.of(q).withFacets(facets));
            }
        }
        int rounds = 20;
        double[] ms = new double[QUERIES.size() * rounds];
        double[] cpuMs = new double[ms.length];
        double max = 0;
        String slowest = "";
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long cpuStart = threadCpuNanos();
                long start = System.nanoTime();
                index.search(SearchQuery.of(q).withFacets(facets));
                ms[i] = (System.nanoTime() - start) / 1e6;
                cpuMs[i] = (threadCpuNanos() - cpuStart) / 1e6;
                if (cpuMs[i] > max) {
                    max = cpuMs[i];
                    slowest = "'" + q + "' (cpu)";
                }
                i++;
            }
        }
        return new Latency(percentile(ms, 0.50), percentile(ms, 0.99), percentile(cpuMs, 0.50),
                percentile(cpuMs, 0.99), max, slowest);
    }

    private ParsedFeed timedParse(InputStream document, long[] nanos) {
        long cpuStart = threadCpuNanos();
        long start = System.nanoTime();
        ParsedFeed feed = parse(document);
        nanos[0] += System.nanoTime() - start;
        nanos[1] += threadCpuNanos() - cpuStart;
        return feed;
    }

    /** CPU time of the whole process (all threads, incl. GC and Lucene merges). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0L;
    }

    private ParsedFeed parse(InputStream document) {
        try {
            return parser.parse(document, "application/rdf+xml", source);
        } catch (FeedParseException e) {
            throw new IllegalStateException("generated document did not parse: " + e.getMessage(), e);
        }
    }

    private void progress(String phase, int done, int count, long start) {
        if (done % 20_000 < pageSize || done == count) {
            double s = (System.nanoTime() - start) / 1e9;
            out.printf("  %s: %,d/%,d (%.0f/s)%n", phase, done, count, done / s);
        }
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Samples the total heap in use every 10 ms (the per-pool peaks of the JVM add up maxima reached at different
     * moments, so their sum overstates the peak), and the largest old-generation occupancy left after a collection
     * (the live data the pipeline really holds).
     */
    private static final class HeapSampler implements Runnable {
        private final Thread thread = new Thread(this, "bench-heap-sampler");
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long maxAfterGc;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .filter(MemoryPoolMXBean::isCollectionUsageThresholdSupported).toList();
            while (running) {
                peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                long afterGc = 0;
                for (MemoryPoolMXBean p : pools) {
                    var usage = p.getCollectionUsage();
                    afterGc += usage == null ? 0 : usage.getUsed();
                }
                maxAfterGc = Math.max(maxAfterGc, afterGc);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        long peakUsed() {
            return peakUsed;
        }

        long maxAfterGc() {
            return maxAfterGc;
        }
    }

    /**
     * A full collection between the timed runs, outside them: each starts with the heap the one before it left
     * emptied, instead of paying for collecting that run's garbage (G1's concurrent marking, 1-4 s of CPU).
     */
    private static void collectGarbage() {
        System.gc();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Deletes a bench work dir. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
