package dev.shirase.inventory.match;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.version.Version;
import java.util.Optional;
import java.util.Set;

/** An asset prepared for matching once: parsed version, name forms and vendor tokens. */
record AssetEntry(Asset asset, Optional<Version> version, Set<String> forms, Set<String> vendorTokens) {

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
