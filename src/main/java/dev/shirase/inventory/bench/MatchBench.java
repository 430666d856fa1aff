package dev.shirase.inventory.bench;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.match.AdvisoryMatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench match}: a full re-match of 1,000 assets against 200,000 synthetic advisories (real sample texts with
 * substituted products and versions) on a pool of {@code threads} workers, and the per-advisory cost at ingest
 * (one thread, one advisory at a time). Arguments (all optional): assets advisories threads.
 */
public final class MatchBench {

    private MatchBench() {
    }

    /** The measured figures. */
    public record Result(int assets, int advisories, int threads, double indexMillis, double fullRematchSeconds,
                         double fullRematchCpuSeconds, long matches, Map<Verdict, Long> verdicts,
                         double ingestMeanMillis, double ingestP99Millis, double ingestCpuMillis) {
        @Override
        public String toString() {
            return String.format("match bench: %,d assets × %,d advisories, %d threads%n"
                            + "  index build          %.1f ms%n"
                            + "  full re-match        %.2f s wall, %.2f s CPU over all threads (%,d matches: %s)%n"
                            + "  per advisory ingest  mean %.4f ms, p99 %.4f ms wall; %.4f ms CPU",
                    assets, advisories, threads, indexMillis, fullRematchSeconds, fullRematchCpuSeconds, matches,
                    verdicts, ingestMeanMillis, ingestP99Millis, ingestCpuMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int advisories = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(2, Runtime.getRuntime().availableProcessors());
        System.out.println(run(assets, advisories, threads));
    }

    public static Result run(int assetCount, int advisoryCount, int threads) throws Exception {
        List<Asset> assets = SyntheticData.assets(assetCount, 42);
        List<Advisory> advisories = SyntheticData.advisories(advisoryCount, 7);

        long t0 = System.nanoTime();
        AdvisoryMatcher matcher = new AdvisoryMatcher(assets);
        double indexMillis = (System.nanoTime() - t0) / 1e6;

        // warm-up so that the JIT has compiled the hot paths before anything is timed
        for (int i = 0; i < Math.min(20_000, advisories.size()); i++) {
            matcher.match(advisories.get(i));
        }

        AtomicLong matches = new AtomicLong();
        Map<Verdict, AtomicLong> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, new AtomicLong());
        }
        // one slice per worker thread; each thread's CPU time is measured too, because on a shared machine the
        // wall-clock time also counts waiting for a core
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicLong cpuNanos = new AtomicLong();
        List<Thread> workers = new java.util.ArrayList<>();
        long t1 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int from = (int) ((long) advisories.size() * w / threads);
            int to = (int) ((long) advisories.size() * (w + 1) / threads);
            Thread th = new Thread(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                long local = 0;
                for (int i = from; i < to; i++) {
                    List<Match> ms = matcher.match(advisories.get(i));
                    local += ms.size();
                    for (Match m : ms) {
                        counts.get(m.verdict()).incrementAndGet();
                    }
                }
                matches.addAndGet(local);
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
            }, "match-bench-" + w);
            workers.add(th);
            th.start();
        }
        for (Thread th : workers) {
            th.join();
        }
        double fullSeconds = (System.nanoTime() - t1) / 1e9;
        double cpuSeconds = cpuNanos.get() / 1e9;

        int samples = Math.min(20_000, advisories.size());
        long[] each = new long[samples];
        long ingestCpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < samples; i++) {
            Advisory a = advisories.get(advisories.size() - 1 - i);
            long s = System.nanoTime();
            matcher.match(a);
            each[i] = System.nanoTime() - s;
        }
        double ingestCpuMillis = (mx.getCurrentThreadCpuTime() - ingestCpu0) / 1e6 / samples;
        java.util.Arrays.sort(each);
        double mean = java.util.Arrays.stream(each).average().orElse(0) / 1e6;
        double p99 = each[(int) Math.min(each.length - 1, Math.floor(each.length * 0.99))] / 1e6;
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        counts.forEach((k, v) -> verdicts.put(k, v.get()));
        return new Result(assetCount, advisoryCount, threads, indexMillis, fullSeconds, cpuSeconds, matches.get(), verdicts,
                mean, p99, ingestCpuMillis);
    }
}
