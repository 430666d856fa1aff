package dev.shirase.inventory.version;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparable product version: dotted numbers ({@code 7.4.3}), letter suffixes ({@code 2.8.123e},
 * {@code 1.1.1w}), build numbers ({@code 10.0.22631.4460}) and dates ({@code 2024-01-15}, {@code 20240115}).
 * Missing trailing components count as zero ({@code 7.4 = 7.4.0}); a letter suffix sorts after the bare
 * number ({@code 1.0.2 < 1.0.2a < 1.0.2u}), which is how OpenSSL and similar projects number fixes.
 */
public final class Version implements Comparable<Version> {

    private static final Pattern SHAPE = Pattern.compile(
            "v?(\\d{1,9}(?:[a-z]{1,2})?(?:[.\\-/_]\\d{1,9}(?:[a-z]{1,2})?)*)(?:[\\-+~ ]?(?:build|b|r|p)?\\.?(\\d+))?");

    private final String text;
    private final long[] numbers;
    private final String[] suffixes;
    private final boolean date;

    private Version(String text, long[] numbers, String[] suffixes, boolean date) {
        this.text = text;
        this.numbers = numbers;
        this.suffixes = suffixes;
        this.date = date;
    }

    /** Whether this is a date ({@code 2024-03-01}); a date and a dotted version cannot be compared. */
    public boolean isDate() {
        return date;
    }

    /** True when both are dates or both are not: only then does {@link #compareTo} mean anything. */
    public boolean comparableWith(Version other) {
        return date == other.date;
    }

    /** Parses a version; text that is not a version (e.g. {@code latest}, {@code 24H2 Pro}) gives empty. */
    public static Optional<Version> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("version ")) {
            t = t.substring(8).trim();
        }
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Long> nums = new ArrayList<>();
        List<String> sufs = new ArrayList<>();
        for (String part : m.group(1).split("[.\\-/_]")) {
            int i = 0;
            while (i < part.length() && Character.isDigit(part.charAt(i))) {
                i++;
            }
            nums.add(Long.parseLong(part.substring(0, i)));
            sufs.add(part.substring(i));
        }
        if (m.group(2) != null) {
            nums.add(Long.parseLong(m.group(2)));
            sufs.add("");
        }
        boolean isDate = m.group(1).matches("(19|20)\\d{2}[\\-/]\\d{1,2}[\\-/]\\d{1,2}");
        // A plain 8-digit date (20240115) compares as year.month.day.
        if (nums.size() == 1 && m.group(1).length() == 8 && sufs.get(0).isEmpty()) {
            long d = nums.get(0);
            if (d / 10000 >= 1990 && d / 10000 <= 2100) {
                nums = List.of(d / 10000, (d / 100) % 100, d % 100);
                sufs = List.of("", "", "");
                isDate = true;
            }
        }
        long[] n = new long[nums.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = nums.get(i);
        }
        return Optional.of(new Version(raw.trim(), n, sufs.toArray(new String[0]), isDate));
    }

    /** Number of components ({@code 11.8.4} has 3). */
    public int length() {
        return numbers.length;
    }

    /** True when this version lies on the line {@code prefix} ({@code 11.8.6} is on {@code 11.8}). */
    public boolean isOnLine(Version prefix) {
        if (prefix.numbers.length > numbers.length) {
            return false;
        }
        for (int i = 0; i < prefix.numbers.length; i++) {
            boolean last = i == prefix.numbers.length - 1;
            // the line 1.1.1 holds 1.1.1w: a bare last component accepts any letter suffix
            if (prefix.numbers[i] != numbers[i]
                    || !(prefix.suffixes[i].equals(suffixes[i]) || (last && prefix.suffixes[i].isEmpty()))) {
                return false;
            }
        }
        return true;
    }

    /** The line of this version: all components but the last ({@code 2026.1.4 → 2026.1}); itself if single. */
    public Version line() {
        if (numbers.length <= 1) {
            return this;
        }
        int n = numbers.length - 1;
        long[] nn = java.util.Arrays.copyOf(numbers, n);
        String[] ss = java.util.Arrays.copyOf(suffixes, n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ".").append(nn[i]).append(ss[i]);
        }
        return new Version(sb.toString(), nn, ss, date);
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(numbers.length, o.numbers.length);
        for (int i = 0; i < n; i++) {
            long a = i < numbers.length ? numbers[i] : 0;
            long b = i < o.numbers.length ? o.numbers[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
            String sa = i < suffixes.length ? suffixes[i] : "";
            String sb = i < o.suffixes.length ? o.suffixes[i] : "";
            int c = sa.length() != sb.length() ? Integer.compare(sa.length(), sb.length()) : sa.compareTo(sb);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int h = 1;
        int last = numbers.length - 1;
        while (last >= 0 && numbers[last] == 0 && suffixes[last].isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            h = 31 * h + Long.hashCode(numbers[i]) + suffixes[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return text;
    }
}
