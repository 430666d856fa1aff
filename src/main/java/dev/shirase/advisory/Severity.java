package dev.shirase.advisory;

import java.util.Locale;

/** CVSS qualitative severity, ordered from least to most severe. */
public enum Severity {
    UNKNOWN, NONE, LOW, MEDIUM, HIGH, CRITICAL;

    /** Reads "Medium", "HIGH", "警告"-style labels are not handled here; unknown text gives UNKNOWN. */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The CVSS v3 band for a base score. */
    public static Severity fromScore(double score) {
        if (score <= 0.0) return NONE;
        if (score < 4.0) return LOW;
        if (score < 7.0) return MEDIUM;
        if (score < 9.0) return HIGH;
        return CRITICAL;
    }
}
