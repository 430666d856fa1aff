package dev.shirase.digest;

/** Stable message keys: the same digest window or alert always gets the same key. */
public final class DigestKeys {
    private DigestKeys() {
    }

    /** {@code digest:admins:2026-11-16..2026-11-23}. */
    public static String digest(Audience audience, DateWindow window) {
        return "digest:" + audience.code() + ":" + window;
    }

    /**
     * {@code alert:<audience>:<threat>:<asset>:<level>} — {@code level} names the escalation step
     * (e.g. {@code check}, {@code affected}, {@code affected+kev}) so an escalation is a new message.
     */
    public static String alert(Audience audience, String threatId, String asset, String level) {
        return "alert:" + audience.code() + ":" + threatId + ":" + asset + ":" + level;
    }
}
