package dev.shirase.store;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.EpssScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures the store on a file H2 database (not a test: run by hand).
 * {@code java -cp target/classes:target/test-classes:<deps> dev.shirase.store.StoreBench [advisories] [batch] [epssRows]}
 */
public final class StoreBench {

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int epssRows = args.length > 2 ? Integer.parseInt(args[2]) : 330_000;
        Path dir = Files.createTempDirectory("shirase-bench");
        AdvisoryJson.write(TestAdvisories.synthetic(0));
        // Extra H2 settings to compare, e.g. ";CACHE_SIZE=262144" (KB of page cache; the default is 16 MB).
        String extra = System.getProperty("h2.extra", "");
        try (Database db = Database.open(Database.defaultUrl(dir) + extra, "sa", "")) {
            AdvisoryRepository repo = new AdvisoryRepository(db);
            cpuAtStart = processCpuNanos();
            long start = System.nanoTime();
            for (int from = 0; from < total; from += batch) {
                repo.upsertAll(batch(from, Math.min(total, from + batch)), Instant.now());
            }
            report("upsertAll NEW", total, start);

            start = System.nanoTime();
            for (int from = 0; from < total; from += batch) {
                repo.upsertAll(batch(from, Math.min(total, from + batch)), Instant.now());
            }
            report("upsertAll UNCHANGED", total, start);

            start = System.nanoTime();
            int[] seen = {0};
            repo.forEach(a -> seen[0]++);
            report("forEach (" + seen[0] + ")", seen[0], start);

            List<EpssScore> epss = new ArrayList<>();
            for (int i = 0; i < epssRows; i++) {
                epss.add(new EpssScore(String.format("CVE-2025-%06d", i), i / 400_000.0, i / 330_000.0, LocalDate.of(2026, 3, 1)));
            }
            EnrichmentRepository enrichment = new EnrichmentRepository(db);
            start = System.nanoTime();
            enrichment.upsertEpss(epss);
            report("upsertEpss first load", epss.size(), start);
            start = System.nanoTime();
            enrichment.upsertEpss(epss);
            report("upsertEpss unchanged reload", epss.size(), start);

            start = System.nanoTime();
            int related = 0;
            for (int i = 0; i < 2_000; i++) {
                related += repo.relatedIds(TestAdvisories.synthetic(i * (total / 2_000)).id()).size();
            }
            report("relatedIds (" + related + " found)", 2_000, start);
        }
        System.out.println("database size: " + Files.size(dir.resolve("shirase.mv.db")) / (1024 * 1024) + " MB in " + dir);
    }

    /** Generated per batch, as a feed would deliver them, so the heap holds one batch and not the archive. */
    private static List<Advisory> batch(int from, int to) {
        return IntStream.range(from, to).mapToObj(TestAdvisories::synthetic).toList();
    }

    private static long cpuAtStart;

    /** Wall clock and process CPU time: on a shared machine the CPU figure is the one that tells. */
    private static void report(String what, int count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long cpu = processCpuNanos();
        double cpuSeconds = (cpu - cpuAtStart) / 1e9;
        cpuAtStart = cpu;
        System.out.printf("%-32s %,9d in %6.2f s wall = %,9.0f /s; %6.2f s CPU = %,9.0f /CPU-s%n",
                what, count, seconds, count / seconds, cpuSeconds, count / cpuSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
