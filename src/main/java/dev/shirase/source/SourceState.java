package dev.shirase.source;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What Shirase remembers about polling one source: validators for conditional GET, the outcome of the
 * last attempts, and when it may be tried again. A plain value; the store persists it field by field.
 *
 * <p>A source is healthy when it has succeeded at least once and nothing has failed since.
 * A 304 Not Modified counts as a success (the server answered and the data is current).
 */
public record SourceState(
        String sourceId,
        Optional<Instant> lastAttempt,
        Optional<Instant> lastSuccess,
        Optional<String> lastError,
        Optional<String> etag,
        Optional<String> lastModified,
        int itemCount,
        int consecutiveFailures,
        Optional<Instant> nextAttempt,
        Optional<String> gapWarning) {

    public SourceState {
        Objects.requireNonNull(sourceId, "sourceId");
        lastAttempt = orEmpty(lastAttempt);
        lastSuccess = orEmpty(lastSuccess);
        lastError = orEmpty(lastError);
        etag = orEmpty(etag);
        lastModified = orEmpty(lastModified);
        nextAttempt = orEmpty(nextAttempt);
        gapWarning = orEmpty(gapWarning);
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must not be negative: " + itemCount);
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative: " + consecutiveFailures);
        }
    }

    /** The state of a source that has never been fetched. */
    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, Optional.empty(), Optional.empty());
    }

    /**
     * A fetch that returned (and the pipeline parsed) a new body. Replaces the validators with the new
     * response's, clears the error and the backoff; the gap warning is left for the pipeline to set.
     */
    public SourceState recordSuccess(Instant at, Optional<String> newEtag, Optional<String> newLastModified, int items) {
        Objects.requireNonNull(at, "at");
        return new SourceState(sourceId, Optional.of(at), Optional.of(at), Optional.empty(), newEtag, newLastModified,
                items, 0, Optional.empty(), gapWarning);
    }

    /** A 304 (or an unchanged file): the data is current, validators and item count stay. */
    public SourceState recordNotModified(Instant at) {
        Objects.requireNonNull(at, "at");
        return new SourceState(sourceId, Optional.of(at), Optional.of(at), Optional.empty(), etag, lastModified,
                itemCount, 0, Optional.empty(), gapWarning);
    }

    /**
     * A failed fetch or parse. The next attempt is {@code at + backoff} (see {@link Backoff}); validators stay
     * so the next success can still be a cheap 304. The error text is redacted again here, defensively.
     */
    public SourceState recordFailure(Instant at, String error, Duration backoff) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(backoff, "backoff");
        String reason = error == null || error.isBlank() ? "unknown error" : UrlRedactor.redactText(error.strip());
        Duration wait = backoff.isNegative() ? Duration.ZERO : backoff;
        return new SourceState(sourceId, Optional.of(at), lastSuccess, Optional.of(reason), etag, lastModified,
                itemCount, consecutiveFailures + 1, Optional.of(at.plus(wait)), gapWarning);
    }

    /** Sets or clears the warning that items may have been missed (e.g. a full page of new items since last poll). */
    public SourceState withGapWarning(Optional<String> warning) {
        return new SourceState(sourceId, lastAttempt, lastSuccess, lastError, etag, lastModified, itemCount,
                consecutiveFailures, nextAttempt, orEmpty(warning).filter(w -> !w.isBlank()));
    }

    /** True when the source has succeeded at least once and nothing has failed since. */
    public boolean healthy() {
        return lastSuccess.isPresent() && consecutiveFailures == 0;
    }

    /** One sentence for the status page and {@code shirase status}, e.g. why a source is unhealthy. */
    public String healthReason() {
        if (lastSuccess.isEmpty() && consecutiveFailures == 0) {
            return "never fetched";
        }
        String next = nextAttempt.map(n -> "; next attempt at " + show(n)).orElse("");
        String error = lastError.orElse("unknown error");
        if (lastSuccess.isEmpty()) {
            return "never fetched successfully: " + failures() + ", last error: " + error + next;
        }
        if (consecutiveFailures > 0) {
            return "failing: " + failures() + " since the last success at " + show(lastSuccess.get())
                    + ", last error: " + error + next;
        }
        String ok = "OK: last success at " + show(lastSuccess.get()) + " with " + itemCount
                + (itemCount == 1 ? " item" : " items");
        return gapWarning.map(w -> ok + "; warning: " + w).orElse(ok);
    }

    private String failures() {
        return consecutiveFailures == 1 ? "1 failure" : consecutiveFailures + " consecutive failures";
    }

    private static String show(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @SuppressWarnings("OptionalAssignedToNull")
    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
