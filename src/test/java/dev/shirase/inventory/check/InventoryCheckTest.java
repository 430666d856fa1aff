package dev.shirase.inventory.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.match.TestAdvisories;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryCheckTest {

    private static Asset asset(String id, String vendor, String product) {
        return new Asset(id, id, vendor, product, Optional.of("1.0"), Optional.empty(), List.of(), "", Optional.empty(), 1);
    }

    @Test
    void countsAdvisoriesAndSuggestsClosestNamesForUnmatchedAssets() {
        List<Asset> assets = List.of(asset("fw", "Fortinet", "Forti OS"), asset("chrome", "Google", "Chrome"),
                asset("garoon", "サイボウズ", "Garoon"));
        List<AssetCoverage> report = InventoryCheck.run(assets, Map.of("chrome", 3),
                List.of("fortinet:fortios", "fortinet:fortimanager", "google:chrome", "Google Chrome", "apache:http_server"));
        assertThat(report).hasSize(3);
        AssetCoverage fw = report.get(0);
        assertThat(fw.unmatched()).isTrue();
        assertThat(fw.advisoryCount()).isZero();
        assertThat(fw.suggestions()).first().isEqualTo("fortinet:fortios");
        assertThat(report.get(1).advisoryCount()).isEqualTo(3);
        assertThat(report.get(1).suggestions()).isEmpty();
        assertThat(report.get(2).unmatched()).isTrue();
        assertThat(report.get(2).suggestions()).doesNotContain("google:chrome");
    }

    @Test
    void knownNamesComeFromCpesAndProductNames() {
        Set<String> names = InventoryCheck.knownNames(TestAdvisories.fromFixtures());
        assertThat(names).contains("google:chrome", "Google Chrome", "apache:http_server", "jetbrains:teamcity")
                .doesNotContain("（複数の製品）", "misc:multiple_vendors");
    }

    @Test
    void similarityPrefersEditDistanceAndTokenOverlap() {
        assertThat(InventoryCheck.levenshtein("fortios", "forti os")).isEqualTo(1);
        assertThat(InventoryCheck.similarity("apache http server", "apache http_server".replace('_', ' '))).isEqualTo(1.0);
        assertThat(InventoryCheck.similarity("garoon", "google chrome")).isLessThan(0.45);
    }
}
