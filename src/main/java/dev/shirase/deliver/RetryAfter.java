package dev.shirase.deliver;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The requested wait, or {@link Duration#ZERO} (let the outbox back off) when absent or unreadable. */
    public static Duration parse(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Duration.ZERO;
        }
        String v = header.get().trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return Duration.ZERO;
            }
        }
    }
}
