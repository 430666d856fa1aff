package dev.shirase.deliver;

import java.util.Locale;

/** Where an outbox row stands. */
public enum OutboxState {
    /** Not yet confirmed by the channel (new, or waiting for a retry). */
    PENDING,
    /** The channel confirmed delivery; never sent again. */
    SENT,
    /** The channel refused it permanently; shown by {@code status}, resent only by {@link Outbox#retry}. */
    FAILED;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutboxState fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
