package dev.shirase.source;

import java.time.Instant;
import java.util.Optional;

/** Fetch state of one source: validators for conditional GET, health, backoff and gap warning. */
public record SourceState(String sourceId, Optional<Instant> lastAttempt, Optional<Instant> lastSuccess,
                          Optional<String> lastError, Optional<String> etag, Optional<String> lastModified,
                          int itemCount, int consecutiveFailures, Optional<Instant> nextAttempt,
                          Optional<String> gapWarning) {
}
