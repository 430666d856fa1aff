package dev.shirase.deliver;

import java.time.Duration;
import java.util.Objects;

/** What a channel reports after one attempt to send a message. */
public sealed interface DeliveryResult {

    /** The remote side confirmed it accepted the whole message. */
    record Delivered() implements DeliveryResult {
    }

    /**
     * A temporary failure (5xx, 429, connection refused, timeout). {@code retryAfter} is what the server
     * asked for (429 Retry-After) or {@link Duration#ZERO} to let the outbox choose its backoff;
     * {@code partsSent} counts the leading parts of a multi-part message (Slack) that did go out, so
     * the retry resumes after them instead of repeating them.
     */
    record RetryLater(Duration retryAfter, String reason, int partsSent) implements DeliveryResult {
        public RetryLater {
            retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            Objects.requireNonNull(reason, "reason");
        }

        public RetryLater(Duration retryAfter, String reason) {
            this(retryAfter, reason, 0);
        }
    }

    /** A permanent failure (bad token, unknown channel, rejected recipient): retrying will not help. */
    record Failed(String reason, int partsSent) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        public Failed(String reason) {
            this(reason, 0);
        }
    }
}
