package dev.shirase.source.icat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns one {@link IcatItem} into a canonical {@link Advisory} (category ALERT). */
final class IcatAdvisoryAdapter {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private IcatAdvisoryAdapter() {
    }

    /**
     * @return the advisory, or empty when the item has no readable date (the caller logs and counts it)
     */
    static Optional<Advisory> toAdvisory(IcatItem item, String sourceId) {
        Optional<OffsetDateTime> published = parseDate(item.date());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        String title = PlainText.of(item.title());
        Optional<String> url = PlainText.httpUrl(item.link());
        Set<Identifier> identifiers = new TreeSet<>(IdentifierExtractor.extract(title));
        for (String given : item.identifiers()) {
            identifiers.addAll(IdentifierExtractor.extract(given));
        }
        String id = url.flatMap(IcatAdvisoryAdapter::slug).map(s -> "ICAT-" + s)
                .orElseGet(() -> "ICAT-" + shortHash(title + "\n" + item.date()));
        return Optional.of(Advisory.parsed(id, sourceId, url.orElse(""), title, "", published.get(),
                published.get(), Category.ALERT, identifiers, List.of(), List.of(), List.of()));
    }

    /**
     * A readable, stable slug from the link's path: {@code http://www.ipa.go.jp/security/ciadr/vul/20160210-ms.html}
     * → {@code ciadr-vul-20160210-ms}. The leading {@code security} folder (every IPA link has it), the file
     * extension and a trailing {@code index} are dropped; anything outside {@code [A-Za-z0-9._-]} becomes {@code -}.
     */
    static Optional<String> slug(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        List<String> parts = new java.util.ArrayList<>(List.of(path.split("/+")));
        parts.removeIf(String::isBlank);
        if (!parts.isEmpty()) {
            String last = parts.remove(parts.size() - 1).replaceFirst("(?i)\\.(s?html?|php|aspx?|jsp)$", "");
            if (!last.equalsIgnoreCase("index")) {
                parts.add(last);
            }
        }
        if (parts.size() > 1 && parts.get(0).equalsIgnoreCase("security")) {
            parts.remove(0);
        }
        String slug = String.join("-", parts).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /**
     * icat writes {@code 2016-02-10T12:00:00+09:00}; a value without an offset is taken as Tokyo time, a bare date as
     * Tokyo midnight.
     */
    static Optional<OffsetDateTime> parseDate(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t));
        } catch (DateTimeParseException ignored) {
            // fall through to the lenient forms
        }
        try {
            return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).atZone(TOKYO).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return Optional.of(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(TOKYO).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 6).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
