package dev.shirase.store;

import java.util.Locale;
import java.util.Optional;

/** Vendor and product of a CPE 2.2 URI ({@code cpe:/a:vendor:product:…}) or 2.3 name, lower-cased, for lookups. */
record CpeName(String vendor, String product) {

    static Optional<CpeName> parse(String cpe) {
        String text = cpe.trim().toLowerCase(Locale.ROOT);
        String rest;
        if (text.startsWith("cpe:2.3:")) {
            rest = text.substring("cpe:2.3:".length());
        } else if (text.startsWith("cpe:/")) {
            rest = text.substring("cpe:/".length());
        } else {
            return Optional.empty();
        }
        String[] parts = rest.split(":", -1);
        if (parts.length < 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CpeName(parts[1], parts[2]));
    }
}
