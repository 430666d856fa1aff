package dev.shirase.inventory.version;

import java.util.Optional;

/**
 * One affected range read from an advisory, e.g. {@code ≤ 155.0.8059.39} or {@code 2.4.60 – 2.4.68}.
 *
 * @param lower          lower bound, if any
 * @param lowerInclusive whether the lower bound itself is affected
 * @param upper          upper bound, if any
 * @param upperInclusive whether the upper bound itself is affected (以下/以前) or not (未満/より前/fixed in)
 * @param line           the release line this bound is for ({@code 11.8} in {@code 11.8.x（11.8.4以下）}), if any
 * @param label          the words written right before the version ({@code firefox esr}); "" when none
 * @param phrase         the phrase as read, for the reason ({@code 155.0.8059.39以前})
 * @param fixedIn        true when the bound came from "fixed in / upgrade to"
 */
public record VersionRange(Optional<Version> lower, boolean lowerInclusive, Optional<Version> upper,
                           boolean upperInclusive, Optional<Version> line, String label, String phrase,
                           boolean fixedIn) {

    /** Whether {@code v} can be compared with the bounds at all (a date with a date, a number with a number). */
    public boolean comparableWith(Version v) {
        return lower.map(v::comparableWith).orElse(true) && upper.map(v::comparableWith).orElse(true);
    }

    public boolean contains(Version v) {
        if (lower.isPresent()) {
            int c = v.compareTo(lower.get());
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper.isPresent()) {
            int c = v.compareTo(upper.get());
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /** The comparison a person can check: {@code 7.4.3 ≤ 7.4.8}, {@code 2.4.60 ≤ 2.4.65 ≤ 2.4.68}, {@code 7.4.9 > 7.4.8}. */
    public String describe(Version v) {
        if (contains(v)) {
            StringBuilder sb = new StringBuilder();
            lower.ifPresent(l -> sb.append(l).append(lowerInclusive ? " ≤ " : " < "));
            sb.append(v);
            upper.ifPresent(u -> sb.append(upperInclusive ? " ≤ " : " < ").append(u));
            if (fixedIn) {
                upper.ifPresent(u -> sb.append(" (fixed in ").append(u).append(')'));
            }
            return sb.toString();
        }
        if (lower.isPresent() && v.compareTo(lower.get()) <= 0) {
            return v + (lowerInclusive ? " < " : " ≤ ") + lower.get();
        }
        return v + (upperInclusive ? " > " : " ≥ ") + upper.map(Version::toString).orElse("?")
                + (fixedIn ? " (fixed)" : "");
    }
}
