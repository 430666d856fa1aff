package dev.shirase.digest;

import java.util.Locale;

/** Who reads a channel: all staff (awareness) or administrators (full matching detail). */
public enum Audience {
    STAFF, ADMINS;

    /** The lower-case name used in keys and configuration ({@code staff}, {@code admins}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code staff} / {@code admins} (case-insensitive). */
    public static Audience parse(String text) {
        for (Audience a : values()) {
            if (a.code().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audience '" + text + "' (expected staff or admins)");
    }
}
