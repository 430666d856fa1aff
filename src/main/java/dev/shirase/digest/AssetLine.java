package dev.shirase.digest;

import java.util.Objects;
import java.util.Optional;

/** One of our assets named by an entry: name, version (unknown for 要確認) and owner. */
public record AssetLine(String name, Optional<String> version, Optional<String> owner) {

    public AssetLine {
        Objects.requireNonNull(name, "name");
        version = version == null ? Optional.empty() : version.filter(v -> !v.isBlank());
        owner = owner == null ? Optional.empty() : owner.filter(o -> !o.isBlank());
    }

    public static AssetLine of(String name, String version, String owner) {
        return new AssetLine(name, Optional.ofNullable(version), Optional.ofNullable(owner));
    }
}
