package dev.shirase.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Wall-clock and CPU nanoseconds spent in each ingest stage, summed over all calls and threads. Stages may run on
 * different threads at once, so the wall times of the stages can add up to more than the elapsed time. CPU time is
 * the calling thread's, which makes the numbers meaningful on a machine loaded by other work. Thread-safe.
 */
public final class StageTimes {

    /** The parts of an ingest that are timed separately. */
    public enum Stage {
        /** Upserting into the store (serialising, hashing, SQL). */
        STORE,
        /** Correlation (related ids), verdicts and listener calls: what the index needs from the store. */
        RELATE,
        /** Writing Lucene documents (analysis, in-memory indexing, flushes). */
        INDEX,
        /**
         * Making the written documents visible (store watermark, near-real-time refresh request; the refresh itself,
         * a flush without fsync, is paid by the next search or commit).
         */
        REFRESH,
        /** Durable index commits (fsync, commit point with the store watermark): now and then, and at the end. */
        COMMIT
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Stage, LongAdder> wall = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> cpu = new EnumMap<>(Stage.class);

    public StageTimes() {
        for (Stage s : Stage.values()) {
            wall.put(s, new LongAdder());
            cpu.put(s, new LongAdder());
        }
    }

    /** Runs {@code work} on this thread, adding its wall and CPU time to {@code stage}. */
    public <T> T time(Stage stage, Supplier<T> work) {
        long cpuStart = threadCpu();
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            wall.get(stage).add(System.nanoTime() - start);
            cpu.get(stage).add(threadCpu() - cpuStart);
        }
    }

    /** Runs {@code work} on this thread, adding its wall and CPU time to {@code stage}. */
    public void time(Stage stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    /** Adds time measured elsewhere (e.g. on worker threads). */
    public void add(Stage stage, long wallNanos, long cpuNanos) {
        wall.get(stage).add(wallNanos);
        cpu.get(stage).add(cpuNanos);
    }

    public long wallNanos(Stage stage) {
        return wall.get(stage).sum();
    }

    public long cpuNanos(Stage stage) {
        return cpu.get(stage).sum();
    }

    /** E.g. {@code store 12.3 s (cpu 11.9 s), relate …}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Stage s : Stage.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format("%s %.1f s (cpu %.1f s)", s.name().toLowerCase(java.util.Locale.ROOT),
                    wallNanos(s) / 1e9, cpuNanos(s) / 1e9));
        }
        return sb.toString();
    }

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0L;
    }
}
