package dev.shirase.inventory.match;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.load.InventoryYamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints every verdict of the labelled inventory over all test advisories (a tool for writing labels). */
public final class DumpMatches {
    public static void main(String[] args) {
        AdvisoryMatcher m = new AdvisoryMatcher(InventoryYamlLoader.load(Path.of(args[0])));
        List<Advisory> all = new ArrayList<>(TestAdvisories.fromFixtures());
        all.addAll(TestAdvisories.handwritten());
        for (Advisory a : all) {
            for (Match x : m.match(a)) {
                System.out.println(x.advisoryId() + "\t" + x.assetId() + "\t" + x.verdict() + "\t" + x.reason());
            }
        }
    }
}
