package dev.shirase.inventory.check;

import dev.shirase.inventory.Asset;
import java.util.List;

/**
 * How well the sources cover one asset: how many advisories name it, and — when none ever has — the closest
 * vendor/product names the archive knows ("did you mean fortinet:fortios?"). An unmatched asset is a warning,
 * never "safe".
 */
public record AssetCoverage(Asset asset, int advisoryCount, List<String> suggestions) {
    public AssetCoverage {
        suggestions = List.copyOf(suggestions);
    }

    public boolean unmatched() {
        return advisoryCount == 0;
    }
}
