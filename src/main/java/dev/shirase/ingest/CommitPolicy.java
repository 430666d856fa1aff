package dev.shirase.ingest;

import java.time.Duration;

/**
 * When an ingest also commits the index durably: after {@code interval} since the last durable commit, or once
 * {@code maxChanges} advisories were indexed since then. Between durable commits changes are only made visible
 * (the store watermark in the commit data lets a crash be caught up from the store).
 */
public record CommitPolicy(Duration interval, int maxChanges) {

    /** At most about one durable commit per 30 s of ingesting, and at least one per 50,000 changes. */
    public static final CommitPolicy DEFAULT = new CommitPolicy(Duration.ofSeconds(30), 50_000);

    public CommitPolicy {
        if (interval.isNegative() || maxChanges < 1) {
            throw new IllegalArgumentException("bad commit policy: " + interval + ", " + maxChanges);
        }
    }

    /** Whether a durable commit is due, {@code sinceNanos} after the last one with {@code changes} changes since. */
    public boolean due(long sinceNanos, long changes) {
        return changes >= maxChanges || sinceNanos >= interval.toNanos();
    }
}
