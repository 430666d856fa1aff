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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code bench ingest}: N generated JVN-iPedia-like items end to end (parse → store → index) into a fresh data dir
 * (parsing one feed document ahead on a second thread, the index written by the index's worker threads; each feed
 * document made searchable by a near-real-time refresh, durable index commits as the ingestor's policy says, and one
 * at the end, inside the timed part),
 * then the same documents into a bare index (Lucene alone) for comparison, then search latency over the result.
 */
public final class IngestBenchmark {
    private static final List<String> QUERIES = List.of("認証", "Google Chrome", "クロスサイトスクリプティング",
            "CVE-2026-200123", "JVNDB-2026-100077", "ＣＨＲＯＭＥ", "改ざん", "WordPress プラグイン",
            "情報漏えい", "サービス運用妨害 (DoS)", "OS コマンドインジェクション", "Linux カーネル");

    /**
     * What one run measured. Wall seconds and process CPU seconds (all threads, so a loaded machine shows in the
     * gap between the two); {@code stages} is the ingestor's per-stage breakdown, {@code parse*} the parser's share.
     */
    public record Result(int items, double seconds, double cpuSeconds, double parseSeconds, double parseCpuSeconds,
                         String stages, double bareSeconds, double bareCpuSeconds, long peakHeapBytes,
                         long sampledPeakHeapBytes, long maxHeapAfterGcBytes,
                         Latency search, Latency searchNoFacets) {
        public double perSecond() {
            return items / seconds;
        }

        public double barePerSecond() {
            return items / bareSeconds;
        }

        public double ratio() {
            return perSecond() / barePerSecond();
        }
    }

    /** Search latency percentiles in milliseconds: wall clock, and CPU time of the searching thread. */
    public record Latency(double p50, double p99, double cpuP50, double cpuP99, double max, String slowest) {
        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p99 %.1f ms (thread cpu p50 %.1f ms, p99 %.1f ms; slowest %s %.1f ms)",
                    p50, p99, cpuP50, cpuP99, slowest, max);
        }
    }

    private final int items;
    private final int pageSize;
    private final PrintStream out;
    private final JvndbFeedGenerator generator = new JvndbFeedGenerator();
    /** The parser production uses for the {@code jvndb} type. */
    private final FeedParser parser = new FeedParsers().forType(FeedType.JVNDB);
    private final FeedSource source = new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"),
            null, true);

    public IngestBenchmark(int items, int pageSize, PrintStream out) {
        this.items = items;
        this.pageSize = pageSize;
        this.out = out;
    }

    public Result run(Path workDir) throws IOException {
        resetPeaks();
        HeapSampler sampler = HeapSampler.start();
        Path data = Files.createDirectories(workDir.resolve("pipeline"));
        double seconds;
        double cpuSeconds;
        long[] parseNanos = new long[2];
        String stages;
        Latency search;
        Latency searchNoFacets;
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
                Future<ParsedFeed> next = parsing.submit(() -> timedParse(generator.page(0, Math.min(pageSize, items)),
                        parseNanos));
                for (int first = 0; first < items; first += pageSize) {
                    int count = Math.min(pageSize, items - first);
                    ParsedFeed page = next.get();
                    int following = first + pageSize;
                    if (following < items) {
                        int followingCount = Math.min(pageSize, items - following);
                        next = parsing.submit(() -> timedParse(generator.page(following, followingCount), parseNanos));
                    }
                    ingestor.ingest(page, Instant.now());
                    progress("pipeline", first + count, start);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("parsing failed: " + e.getCause(), e.getCause());
            } finally {
                parsing.shutdownNow();
            }
            // Each ingest made its documents visible; the closing durable commit is part of the load too.
            ingestor.commit();
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            stages = ingestor.stageTimes().summary();
            if (index.count() != items) {
                throw new IllegalStateException("only " + index.count() + " of " + items + " advisories are searchable");
            }
            search = searchLatencies(index, true);
            searchNoFacets = searchLatencies(index, false);
        }
        long peak = peakHeap();
        double[] bare = bareLucene(Files.createDirectories(workDir.resolve("bare")));
        sampler.stop(); // covers the bare run too
        return new Result(items, seconds, cpuSeconds, parseNanos[0] / 1e9, parseNanos[1] / 1e9, stages, bare[0],
                bare[1], peak, sampler.peakUsed(), sampler.maxAfterGc(), search, searchNoFacets);
    }

    /**
     * The same documents into a fresh index with no parser, store or correlation in the timed part; returns wall
     * and process CPU seconds of the timed part.
     */
    private double[] bareLucene(Path dir) throws IOException {
        long timed = 0;
        long cpu = 0;
        try (AdvisoryIndex index = AdvisoryIndex.open(dir)) {
            for (int first = 0; first < items; first += pageSize) {
                int count = Math.min(pageSize, items - first);
                List<IndexEntry> page = parse(generator.page(first, count)).advisories().stream()
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
        return new double[] {timed / 1e9, cpu / 1e9};
    }

    /** Wall and thread-CPU milliseconds per search, over 20 rounds of the typical queries (after a warm-up). */
    private Latency searchLatencies(AdvisoryIndex index, boolean facets) {
        for (int r = 0; r < 3; r++) {
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

    private ParsedFeed timedParse(byte[] document, long[] nanos) {
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

    private ParsedFeed parse(byte[] document) {
        try {
            return parser.parse(new ByteArrayInputStream(document), "application/rdf+xml", source);
        } catch (FeedParseException e) {
            throw new IllegalStateException("generated document did not parse: " + e.getMessage(), e);
        }
    }

    private void progress(String phase, int done, long start) {
        if (done % 20_000 < pageSize || done == items) {
            double s = (System.nanoTime() - start) / 1e9;
            out.printf("  %s: %,d/%,d (%.0f/s)%n", phase, done, items, done / s);
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
