package dev.shirase.source.rss;

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
