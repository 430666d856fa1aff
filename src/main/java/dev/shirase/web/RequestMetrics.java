package dev.shirase.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Request counts and latency per route, written out in the Prometheus text format by {@link #appendTo}.
 * Hand-written (a few counters and one histogram per route) rather than a metrics library.
 */
public final class RequestMetrics {

    /** Histogram bucket upper bounds in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

    /** Records one answered request of {@code route} with {@code status}, which took {@code nanos}. */
    public void record(String route, int status, long nanos) {
        counts.computeIfAbsent(route + "\u0000" + status, k -> new AtomicLong()).incrementAndGet();
        latency.computeIfAbsent(route, k -> new Histogram()).observe(nanos / 1e9);
    }

    /** The request counter of one route and status (for tests). */
    public long count(String route, int status) {
        AtomicLong c = counts.get(route + "\u0000" + status);
        return c == null ? 0 : c.get();
    }

    public void appendTo(StringBuilder out) {
        out.append("# HELP shirase_http_requests_total HTTP requests answered, by route and status.\n");
        out.append("# TYPE shirase_http_requests_total counter\n");
        new TreeMap<>(counts).forEach((k, v) -> {
            String[] parts = k.split("\u0000", 2);
            out.append("shirase_http_requests_total{route=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(v.get()).append('\n');
        });
        out.append("# HELP shirase_http_request_duration_seconds Time to answer, by route.\n");
        out.append("# TYPE shirase_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((route, h) -> h.appendTo(out, route));
    }

    private static final class Histogram {
        private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);
        private final AtomicLong count = new AtomicLong();
        private final DoubleAdder sum = new DoubleAdder();

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sum.add(seconds);
        }

        void appendTo(StringBuilder out, String route) {
            String name = "shirase_http_request_duration_seconds";
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{route=\"").append(route).append("\",le=\"").append(BUCKETS[i])
                        .append("\"} ").append(buckets.get(i)).append('\n');
            }
            out.append(name).append("_bucket{route=\"").append(route).append("\",le=\"+Inf\"} ").append(count.get())
                    .append('\n');
            out.append(name).append("_sum{route=\"").append(route).append("\"} ").append(sum.sum()).append('\n');
            out.append(name).append("_count{route=\"").append(route).append("\"} ").append(count.get()).append('\n');
        }
    }
}
