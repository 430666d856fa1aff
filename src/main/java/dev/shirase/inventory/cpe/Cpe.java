package dev.shirase.inventory.cpe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CPE name reduced to what matching compares: part, vendor, product and (optional) version.
 * Reads CPE 2.2 URIs ({@code cpe:/a:google:chrome:120.0}) and CPE 2.3 formatted strings
 * ({@code cpe:2.3:a:google:chrome:120.0:*:*:*:*:*:*:*}). Vendor and product are lower-cased and decoded,
 * and compared whole — never by substring ({@code nextcloud:mail} is not {@code oracle:javamail}).
 *
 * @param uri     the text as written
 * @param part    a, o or h ("*" when any)
 * @param vendor  lower-case vendor, e.g. {@code fortinet}
 * @param product lower-case product, e.g. {@code fortios}
 * @param version the version component when it is a concrete value
 */
public record Cpe(String uri, String part, String vendor, String product, Optional<String> version) {

    /** {@code vendor:product}, the key the matcher indexes on. */
    public String key() {
        return vendor + ":" + product;
    }

    /** Parses CPE 2.2 or 2.3; a string that is neither, or lacks vendor or product, gives {@link CpeParseException}. */
    public static Cpe parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CpeParseException("empty CPE");
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        List<String> fields;
        if (lower.startsWith("cpe:2.3:")) {
            fields = split23(t.substring("cpe:2.3:".length()));
        } else if (lower.startsWith("cpe:/")) {
            fields = new ArrayList<>();
            for (String f : t.substring("cpe:/".length()).split(":", -1)) {
                fields.add(decode22(f));
            }
        } else {
            throw new CpeParseException("not a CPE (expected cpe:/… or cpe:2.3:…): " + t);
        }
        if (fields.size() < 3) {
            throw new CpeParseException("CPE lacks vendor or product: " + t);
        }
        String part = fields.get(0).toLowerCase(Locale.ROOT);
        if (!List.of("a", "o", "h", "*", "").contains(part)) {
            throw new CpeParseException("CPE part must be a, o or h, not '" + part + "': " + t);
        }
        String vendor = fields.get(1).toLowerCase(Locale.ROOT).trim();
        String product = fields.get(2).toLowerCase(Locale.ROOT).trim();
        if (!concrete(vendor) || !concrete(product)) {
            throw new CpeParseException("CPE lacks vendor or product: " + t);
        }
        Optional<String> version = fields.size() > 3 && concrete(fields.get(3).trim())
                ? Optional.of(fields.get(3).trim()) : Optional.empty();
        return new Cpe(t, part.isEmpty() ? "*" : part, vendor, product, version);
    }

    /** Like {@link #parse} but empty instead of an exception. */
    public static Optional<Cpe> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (CpeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean concrete(String value) {
        return !value.isEmpty() && !value.equals("*") && !value.equals("-");
    }

    private static String decode22(String field) {
        if (field.indexOf('%') < 0) {
            return field;
        }
        try {
            return URLDecoder.decode(field.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return field;
        }
    }

    /** Splits a 2.3 formatted string on unescaped colons and removes the backslash escapes. */
    private static List<String> split23(String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                cur.append(rest.charAt(++i));
            } else if (c == ':') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
