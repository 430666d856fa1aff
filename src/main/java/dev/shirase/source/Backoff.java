package dev.shirase.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to poll a source again. After N consecutive failures the delay is
 * {@code max(Retry-After, min(cap, base × 2^(N−1)))}: 1 min, 2, 4 … capped at 6 h by default.
 * The base is the source's own interval when that is shorter than 1 min (a source polled every 30 s
 * first retries after 30 s). A permanent failure (404, 403, bad URL) waits the full cap at once:
 * it will not heal in a minute. Retry-After is honoured but bounded (24 h), so a hostile or broken
 * server cannot silence a source for a year.
 */
public final class Backoff {
    public static final Duration DEFAULT_BASE = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CAP = Duration.ofHours(6);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(24);

    private final Duration base;
    private final Duration cap;
    private final Duration maxRetryAfter;

    public Backoff() {
        this(DEFAULT_BASE, DEFAULT_CAP, DEFAULT_MAX_RETRY_AFTER);
    }

    public Backoff(Duration base, Duration cap, Duration maxRetryAfter) {
        this.base = positive(base, "base");
        this.cap = positive(cap, "cap");
        this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is shorter than base " + base);
        }
    }

    /**
     * The wait after a failure.
     *
     * @param failures   consecutive failures including the one just seen (≥ 1)
     * @param retryAfter the server's Retry-After, if any
     */
    public Duration delay(int failures, FeedSource source, Optional<Duration> retryAfter) {
        Objects.requireNonNull(source, "source");
        Duration start = base;
        if (source.interval().compareTo(Duration.ZERO) > 0 && source.interval().compareTo(base) < 0) {
            start = source.interval();
        }
        int doublings = Math.max(0, failures - 1);
        Duration exponential = doublings >= 40 ? cap : min(cap, start.multipliedBy(1L << doublings));
        return max(exponential, boundedRetryAfter(retryAfter));
    }

    /**
     * When to try again after a failure seen {@code now}.
     *
     * @param previous the state BEFORE recording this failure (its failure count is then N−1)
     */
    public Instant nextAttempt(SourceState previous, FeedSource source, Instant now, Optional<Duration> retryAfter) {
        return now.plus(delay(previous.consecutiveFailures() + 1, source, retryAfter));
    }

    /**
     * The one call the poll job needs on a failure: the new state with error, failure count and next attempt.
     * Permanent failures wait the full cap.
     */
    public SourceState afterFailure(SourceState previous, FeedSource source, Instant now, FetchResult.Failed failure) {
        Duration wait = delay(previous.consecutiveFailures() + 1, source, failure.retryAfter());
        if (failure.permanent()) {
            wait = max(wait, cap);
        }
        return previous.recordFailure(now, failure.reason(), wait);
    }

    /**
     * True when the scheduler should poll the source now: it is enabled, not backing off
     * ({@code nextAttempt} reached or absent), and, if its last attempt succeeded, its interval has elapsed.
     * A failing source is retried when its backoff ends, even if that is sooner than its interval.
     */
    public boolean due(FeedSource source, SourceState state, Instant now) {
        if (!source.enabled()) {
            return false;
        }
        if (state.nextAttempt().isPresent() && now.isBefore(state.nextAttempt().get())) {
            return false;
        }
        if (state.consecutiveFailures() > 0 || state.lastAttempt().isEmpty()) {
            return true;
        }
        return !now.isBefore(state.lastAttempt().get().plus(source.interval()));
    }

    public Duration cap() {
        return cap;
    }

    private Duration boundedRetryAfter(Optional<Duration> retryAfter) {
        return retryAfter.filter(d -> !d.isNegative()).map(d -> min(d, maxRetryAfter)).orElse(Duration.ZERO);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
