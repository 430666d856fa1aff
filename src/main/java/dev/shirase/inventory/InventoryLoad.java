package dev.shirase.inventory;

import java.util.List;

/** The assets read from an inventory file, and the rows that could not be read (each with its line). */
public record InventoryLoad(List<Asset> assets, List<InventoryProblem> problems) {
    public InventoryLoad {
        assets = List.copyOf(assets);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
