package dev.shirase.digest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What to do" derived from a verdict reason: the matcher writes {@code 7.4.3 < 7.4.9} for a version below an
 * exclusive upper bound (未満 / より前 / fixed in), so the bound is the first fixed version. An inclusive bound
 * (以下 / 以前) says nothing about the fix, so no hint is given rather than a guess.
 */
public final class ActionHint {
    private static final Pattern FIXED_IN = Pattern.compile("\\(fixed in ([^)\\s]+)\\)");
    private static final Pattern BELOW = Pattern.compile("\\S+ < ([0-9][0-9A-Za-z._-]*+)(?!\\s*[≤<])");

    private ActionHint() {
    }

    /** The fixed version named by {@code reason}, if it names one. */
    public static Optional<String> fixedVersion(String reason) {
        Matcher m = FIXED_IN.matcher(reason);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        Matcher b = BELOW.matcher(reason);
        String last = null;
        while (b.find()) {
            last = b.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** {@code FortiOS を 7.4.9 以降に更新してください} / {@code Update FortiOS to 7.4.9 or later}. */
    public static String updateTo(String product, String version, Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "Update " + product + " to " + version + " or later"
                : product + " を " + version + " 以降に更新してください";
    }
}
