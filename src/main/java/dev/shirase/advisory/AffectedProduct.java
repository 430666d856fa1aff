package dev.shirase.advisory;

import java.util.Optional;

/**
 * A product named as affected, as the source wrote it.
 *
 * @param cpe         the CPE URI when given (2.2 {@code cpe:/a:google:chrome} or 2.3), else empty
 * @param vendor      vendor name as written ("" if none)
 * @param product     product name as written ("" if none)
 * @param versionText the version phrase as written (e.g. {@code 155.0.8059.39以前}), else empty
 */
public record AffectedProduct(Optional<String> cpe, String vendor, String product, Optional<String> versionText) {
    public AffectedProduct {
        cpe = cpe == null ? Optional.empty() : cpe.filter(s -> !s.isBlank());
        vendor = vendor == null ? "" : vendor;
        product = product == null ? "" : product;
        versionText = versionText == null ? Optional.empty() : versionText.filter(s -> !s.isBlank());
    }
}
