package dev.shirase.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Exposure;
import dev.shirase.inventory.InventoryException;
import dev.shirase.inventory.InventoryProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryYamlLoaderTest {

    @Test
    void loadsTheExampleInventory() {
        List<Asset> assets = InventoryYamlLoader.load(Path.of("inventory.yaml"));
        assertThat(assets).extracting(Asset::id).contains("fortigate", "chrome", "web-httpd", "openssl", "windows11",
                "garoon", "vllm", "teamcity");
        Asset forti = assets.get(0);
        assertThat(forti.name()).isEqualTo("本社 FortiGate 60F");
        assertThat(forti.vendor()).isEqualTo("Fortinet");
        assertThat(forti.product()).isEqualTo("FortiOS");
        assertThat(forti.version()).contains("7.4.3");
        assertThat(forti.cpe().orElseThrow().key()).isEqualTo("fortinet:fortios");
        assertThat(forti.aliases()).containsExactly("フォーティゲート", "FortiGate");
        assertThat(forti.owner()).isEqualTo("総務部 山田");
        assertThat(forti.exposure()).contains(Exposure.INTERNET);
        assertThat(forti.count()).isEqualTo(2);
        assertThat(assets.stream().filter(a -> a.id().equals("teamcity")).findFirst().orElseThrow().version()).isEmpty();
    }

    @Test
    void keepsVersionsAsWrittenAndDerivesIds() {
        List<Asset> assets = InventoryYamlLoader.read("inv.yaml", """
                assets:
                  - name: Legacy Box
                    product: Foo
                    version: 7.10
                  - name: 経理サーバー
                    product: Bar Server
                    aliases: 会計
                  - product: Bar Server
                    cpe: cpe:2.3:a:bar:bar_server:2.1:*:*:*:*:*:*:*
                """);
        assertThat(assets).extracting(Asset::id).containsExactly("legacy-box", "bar-server", "bar-server-2");
        assertThat(assets.get(0).version()).contains("7.10");
        assertThat(assets.get(1).aliases()).containsExactly("会計");
        assertThat(assets.get(2).name()).isEqualTo("Bar Server");
        assertThat(assets.get(2).version()).contains("2.1");
        assertThat(assets.get(2).count()).isEqualTo(1);
    }

    @Test
    void unknownKeyDuplicateIdAndBadCpeAreReportedWithFileLineAndKey() {
        String yaml = """
                assets:
                  - id: fw
                    name: FW
                    vendr: Fortinet
                  - id: fw
                    name: FW2
                  - id: web
                    name: Web
                    cpe: apache:http_server
                  - id: Bad_Id
                    name: X
                    exposure: dmz
                    count: many
                """;
        assertThatThrownBy(() -> InventoryYamlLoader.read("inventory.yaml", yaml))
                .isInstanceOfSatisfying(InventoryException.class, e -> {
                    List<InventoryProblem> p = e.problems();
                    assertThat(p).extracting(InventoryProblem::line, InventoryProblem::key).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(4, "vendr"),
                            org.assertj.core.groups.Tuple.tuple(5, "id"),
                            org.assertj.core.groups.Tuple.tuple(9, "cpe"),
                            org.assertj.core.groups.Tuple.tuple(12, "exposure"),
                            org.assertj.core.groups.Tuple.tuple(13, "count"),
                            org.assertj.core.groups.Tuple.tuple(10, "id"));
                    assertThat(p.get(1).message()).contains("duplicate id 'fw'");
                    assertThat(p.get(0).file()).isEqualTo("inventory.yaml");
                    assertThat(e.getMessage()).contains("inventory.yaml:4 [vendr]: unknown key");
                });
    }

    @Test
    void duplicateKeyAndBrokenYaml() {
        assertThatThrownBy(() -> InventoryYamlLoader.read("i.yaml", "assets:\n  - name: A\n    name: B\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("i.yaml:3 [name]: duplicate key");
        assertThatThrownBy(() -> InventoryYamlLoader.read("i.yaml", "assets:\n  - name: [unclosed\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> InventoryYamlLoader.read("i.yaml", "hosts: []\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("i.yaml:1 [hosts]: unknown key");
    }
}
