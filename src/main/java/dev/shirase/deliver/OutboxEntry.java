package dev.shirase.deliver;

import java.time.Instant;
import java.util.Optional;

/** One outbox row as {@code status} and the web page show it (without the payload). */
public record OutboxEntry(
        String key,
        String channel,
        String kind,
        OutboxState state,
        int attempts,
        int partsSent,
        Instant nextAttempt,
        Optional<String> lastError,
        Instant createdAt,
        Optional<Instant> sentAt) {
}
