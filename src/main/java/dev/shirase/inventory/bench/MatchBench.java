package dev.shirase.inventory.bench;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.match.AdvisoryMatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
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
                         long matches, Map<Verdict, Long> verdicts, double ingestMeanMillis, double ingestP99Millis) {
        @Override
        public String toString() {
            return String.format("match bench: %,d assets × %,d advisories, %d threads%n"
                            + "  index build          %.1f ms%n"
                            + "  full re-match        %.2f s (%,d matches: %s)%n"
                            + "  per advisory ingest  mean %.4f ms, p99 %.4f ms",
                    assets, advisories, threads, indexMillis, fullRematchSeconds, matches, verdicts,
                    ingestMeanMillis, ingestP99Millis);
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
        ForkJoinPool pool = new ForkJoinPool(threads);
        long t1 = System.nanoTime();
        try {
            pool.submit(() -> advisories.parallelStream().forEach(a -> {
                List<Match> ms = matcher.match(a);
                matches.addAndGet(ms.size());
                for (Match m : ms) {
                    counts.get(m.verdict()).incrementAndGet();
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        double fullSeconds = (System.nanoTime() - t1) / 1e9;

        int samples = Math.min(20_000, advisories.size());
        long[] each = new long[samples];
        for (int i = 0; i < samples; i++) {
            Advisory a = advisories.get(advisories.size() - 1 - i);
            long s = System.nanoTime();
            matcher.match(a);
            each[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(each);
        double mean = java.util.Arrays.stream(each).average().orElse(0) / 1e6;
        double p99 = each[(int) Math.min(each.length - 1, Math.floor(each.length * 0.99))] / 1e6;
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        counts.forEach((k, v) -> verdicts.put(k, v.get()));
        return new Result(assetCount, advisoryCount, threads, indexMillis, fullSeconds, matches.get(), verdicts, mean, p99);
    }
}
