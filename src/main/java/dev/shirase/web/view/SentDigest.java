package dev.shirase.web.view;

import java.time.Instant;
import java.util.Optional;

/**
 * One digest or alert as it went out on one channel.
 *
 * @param key      the stable message key, e.g. {@code digest:admins:2026-11-16..2026-11-23}
 * @param kind     digest or alert
 * @param audience staff or admins ("" when the key does not say)
 * @param state    pending, sent or failed
 * @param subject  the subject line as sent
 * @param text     the plain-text body exactly as sent
 */
public record SentDigest(String key, String kind, String audience, String channel, String state, Instant createdAt,
                         Optional<Instant> sentAt, String subject, String text) {
    public SentDigest {
        sentAt = sentAt == null ? Optional.empty() : sentAt;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        audience = audience == null ? "" : audience;
    }
}
