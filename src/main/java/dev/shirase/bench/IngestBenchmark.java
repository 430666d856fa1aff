package dev.shirase.bench;

import dev.shirase.advisory.Advisory;
import dev.shirase.ingest.ArchiveListener;
import dev.shirase.ingest.Ingestor;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.IndexEntry;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.JvndbParser;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench ingest}: N generated JVN-iPedia-like items end to end (parse → store → index) into a fresh data dir,
 * then the same documents into a bare index (Lucene alone) for comparison, then search latency over the result.
 */
public final class IngestBenchmark {
    private static final List<String> QUERIES = List.of("認証", "Google Chrome", "クロスサイトスクリプティング",
            "CVE-2026-200123", "JVNDB-2026-100077", "ＣＨＲＯＭＥ", "改ざん", "WordPress プラグイン",
            "情報漏えい", "サービス運用妨害 (DoS)", "OS コマンドインジェクション", "Linux カーネル");

    /** What one run measured. */
    public record Result(int items, double seconds, double perSecond, double bareSeconds, double barePerSecond,
                         long peakHeapBytes, double searchP50Ms, double searchP99Ms) {
        public double ratio() {
            return perSecond / barePerSecond;
        }
    }

    private final int items;
    private final int pageSize;
    private final PrintStream out;
    private final JvndbFeedGenerator generator = new JvndbFeedGenerator();
    private final JvndbParser parser = new JvndbParser();
    private final FeedSource source = new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"),
            null, true);

    public IngestBenchmark(int items, int pageSize, PrintStream out) {
        this.items = items;
        this.pageSize = pageSize;
        this.out = out;
    }

    public Result run(Path workDir) throws IOException {
        resetPeaks();
        Path data = Files.createDirectories(workDir.resolve("pipeline"));
        double seconds;
        double searchP50;
        double searchP99;
        try (Database db = Database.open(Database.defaultUrl(data), "sa", "");
             AdvisoryIndex index = AdvisoryIndex.open(data.resolve("index"))) {
            AdvisoryRepository advisories = new AdvisoryRepository(db);
            Ingestor ingestor = new Ingestor(advisories, new EnrichmentRepository(db), index, ArchiveListener.NONE);
            long start = System.nanoTime();
            for (int first = 0; first < items; first += pageSize) {
                int count = Math.min(pageSize, items - first);
                ParsedFeed page = parse(generator.page(first, count));
                ingestor.ingest(page, Instant.now());
                progress("pipeline", first + count, start);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            double[] latencies = searchLatencies(index);
            searchP50 = percentile(latencies, 0.50);
            searchP99 = percentile(latencies, 0.99);
        }
        long peak = peakHeap();
        double bareSeconds = bareLucene(Files.createDirectories(workDir.resolve("bare")));
        return new Result(items, seconds, items / seconds, bareSeconds, items / bareSeconds, peak, searchP50,
                searchP99);
    }

    /** The same documents into a fresh index with no parser, store or correlation in the timed part. */
    private double bareLucene(Path dir) throws IOException {
        long timed = 0;
        try (AdvisoryIndex index = AdvisoryIndex.open(dir)) {
            for (int first = 0; first < items; first += pageSize) {
                int count = Math.min(pageSize, items - first);
                List<Advisory> page = parse(generator.page(first, count)).advisories();
                long start = System.nanoTime();
                index.indexAll(page.stream().map(IndexEntry::of).toList());
                timed += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            index.commit();
            timed += System.nanoTime() - start;
        }
        return timed / 1e9;
    }

    private double[] searchLatencies(AdvisoryIndex index) {
        for (String q : QUERIES) {
            index.search(SearchQuery.of(q));
        }
        int rounds = 20;
        double[] ms = new double[QUERIES.size() * rounds];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long start = System.nanoTime();
                index.search(SearchQuery.of(q));
                ms[i++] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
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
