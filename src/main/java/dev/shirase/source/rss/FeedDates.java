package dev.shirase.source.rss;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Parses feed date strings keeping the offset as written: W3C/ISO 8601 (with or without seconds, as JVN writes
 * {@code 2026-10-08T19:59+09:00}) and RFC 822 ({@code pubDate}, including named zones such as JST or GMT).
 */
public final class FeedDates {

    private static final Map<String, String> ZONE_NAMES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("JST", "+0900"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"),
            Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

    private FeedDates() {
    }

    /** The date as written, or empty for blank or unreadable text. Offset-less values are taken as UTC. */
    public static Optional<OffsetDateTime> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        OffsetDateTime plain = plainIsoOffset(text);
        return plain != null ? Optional.of(plain) : parseWithFormatters(text);
    }

    /** The formatter chain of {@link #parse}, for trimmed text. */
    static Optional<OffsetDateTime> parseWithFormatters(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(rfc822Zone(text), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /**
     * The common {@code yyyy-MM-ddTHH:mm[:ss]±HH:MM} form (JVN writes {@code 2026-10-08T19:59+09:00}) read by hand, as
     * ISO_OFFSET_DATE_TIME reads it but without the formatter's cost (a sizeable share of parsing a JVN iPedia page);
     * null for any other form or an invalid value, which then take the formatter path.
     */
    private static OffsetDateTime plainIsoOffset(String t) {
        int n = t.length();
        boolean seconds = n == 25;
        if ((n != 22 && !seconds) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || (seconds && t.charAt(16) != ':') || t.charAt(n - 3) != ':') {
            return null;
        }
        char sign = t.charAt(n - 6);
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = seconds ? digits(t, 17, 19) : 0;
        int offsetHours = digits(t, n - 5, n - 3);
        int offsetMinutes = digits(t, n - 2, n);
        if ((sign != '+' && sign != '-') || (year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        try {
            ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits {@code from..to} as a number, or -1 if any is not one. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** First readable value among {@code raws}. */
    public static Optional<OffsetDateTime> first(String... raws) {
        for (String raw : raws) {
            Optional<OffsetDateTime> parsed = parse(raw);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** Rome's parsed instant, as UTC, for when no raw text could be read. */
    public static Optional<OffsetDateTime> ofDate(Date date) {
        return Optional.ofNullable(date).map(d -> d.toInstant().atOffset(ZoneOffset.UTC));
    }

    private static String rfc822Zone(String text) {
        int space = text.lastIndexOf(' ');
        if (space < 0) {
            return text;
        }
        String zone = text.substring(space + 1);
        String offset = ZONE_NAMES.get(zone.toUpperCase(java.util.Locale.ROOT));
        return offset == null ? text : text.substring(0, space + 1) + offset;
    }
}
