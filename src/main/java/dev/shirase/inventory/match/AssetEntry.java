package dev.shirase.inventory.match;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.version.Version;
import java.util.Optional;
import java.util.Set;

/** An asset prepared for matching once: parsed version, name forms and vendor tokens. */
record AssetEntry(Asset asset, Optional<Version> version, Set<String> forms, Set<String> vendorTokens) {

    /** Words after a product name that do not make it another product. */
    private static final Set<String> EDITION_WORDS = Set.of("server", "community server", "community", "enterprise",
            "ce", "ee", "ce/ee", "client", "library", "for linux", "for windows", "for macos", "software", "server software");

    // identity: entries are map keys on the hot path, and hashing the whole Asset per lookup is wasted work
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Whether a bound written after {@code label} (e.g. {@code firefox esr}) is about this asset's product. */
    boolean labelOk(String label) {
        if (label.isEmpty()) {
            return true;
        }
        String l = ProductNames.normalize(label);
        for (String f : forms) {
            if (l.equals(f) || l.endsWith(" " + f) || f.endsWith(" " + l)) {
                return true;
            }
            // "MySQL Server 8.0.40" is about MySQL; "Firefox ESR 140.5" is not about Firefox
            if (l.startsWith(f + " ") && EDITION_WORDS.contains(l.substring(f.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Vendors agree when either is unknown or they share an identifying token (apache ~ apache software foundation). */
    boolean vendorAgrees(Set<String> otherVendorTokens) {
        if (vendorTokens.isEmpty() || otherVendorTokens.isEmpty()) {
            return true;
        }
        for (String t : otherVendorTokens) {
            if (vendorTokens.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
