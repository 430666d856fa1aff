package dev.shirase.inventory;

import dev.shirase.inventory.cpe.Cpe;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of the company's software, as the inventory lists it.
 *
 * @param id       stable id, {@code [a-z0-9-]+}
 * @param name     what staff call it (本社 FortiGate 60F)
 * @param vendor   vendor as written ("" if none)
 * @param product  product as written ("" if none)
 * @param version  the installed version; without it every match is 要確認
 * @param cpe      CPE 2.2 or 2.3 naming the product, compared on vendor and product
 * @param aliases  other names (Japanese or English) the product goes by in advisories
 * @param owner    who looks after it ("" if none)
 * @param exposure internet or internal, when known
 * @param count    how many installations (1 when not given)
 */
public record Asset(String id, String name, String vendor, String product, Optional<String> version,
                    Optional<Cpe> cpe, List<String> aliases, String owner, Optional<Exposure> exposure, int count) {

    public Asset {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        vendor = vendor == null ? "" : vendor;
        product = product == null ? "" : product;
        version = version == null ? Optional.empty() : version.map(String::trim).filter(s -> !s.isEmpty());
        cpe = cpe == null ? Optional.empty() : cpe;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        owner = owner == null ? "" : owner;
        exposure = exposure == null ? Optional.empty() : exposure;
    }

    /** A short label for reasons: the product when given, else the name. */
    public String label() {
        return product.isBlank() ? name : product;
    }

    /** The same asset with another version (used when the inventory is edited). */
    public Asset withVersion(Optional<String> newVersion) {
        return new Asset(id, name, vendor, product, newVersion, cpe, aliases, owner, exposure, count);
    }
}
