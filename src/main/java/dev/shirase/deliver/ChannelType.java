package dev.shirase.deliver;

import java.util.Locale;

/** The kinds of channel {@link Channels#create} can build. */
public enum ChannelType {
    SLACK, TEAMS, EMAIL, FILE;

    /** Parses {@code slack}, {@code teams}, {@code email} or {@code file} (case-insensitive). */
    public static ChannelType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel type '" + text + "' (expected slack, teams, email or file)", e);
        }
    }
}
