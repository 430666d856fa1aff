package dev.shirase.inventory.load;

import dev.shirase.inventory.InventoryLoad;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Loads an inventory file by its extension: {@code .yaml}/{@code .yml} (fails fast) or {@code .csv} (bad rows reported). */
public final class InventoryFiles {

    private InventoryFiles() {
    }

    /**
     * YAML: every asset, or an {@link dev.shirase.inventory.InventoryException} listing each problem with file, line
     * and key. CSV: the rows that could be read plus one problem per bad row.
     */
    public static InventoryLoad load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return InventoryCsvLoader.load(file);
        }
        return new InventoryLoad(InventoryYamlLoader.load(file), List.of());
    }
}
