package dev.shirase.inventory.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Exposure;
import dev.shirase.inventory.InventoryLoad;
import dev.shirase.inventory.InventoryProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCsvLoaderTest {

    private static final String JAPANESE = """
            名称,ベンダ,製品,バージョン,CPE,別名,担当,公開範囲,台数\r
            本社 FortiGate,Fortinet,FortiOS,7.4.3,cpe:/o:fortinet:fortios,フォーティゲート;FortiGate,総務部 山田,インターネット,２\r
            グループウェア,サイボウズ,Garoon,6.0.1,,"サイボウズ Garoon、ガルーン",総務部,社内,1\r
            """;

    @Test
    void readsShiftJisWithJapaneseHeaders(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("inventory.csv");
        Files.write(f, JAPANESE.getBytes(InventoryCsvLoader.CP932));
        InventoryLoad load = InventoryCsvLoader.load(f);
        assertThat(load.problems()).isEmpty();
        assertThat(load.assets()).hasSize(2);
        Asset a = load.assets().get(0);
        assertThat(a.name()).isEqualTo("本社 FortiGate");
        assertThat(a.vendor()).isEqualTo("Fortinet");
        assertThat(a.version()).contains("7.4.3");
        assertThat(a.cpe().orElseThrow().key()).isEqualTo("fortinet:fortios");
        assertThat(a.aliases()).containsExactly("フォーティゲート", "FortiGate");
        assertThat(a.owner()).isEqualTo("総務部 山田");
        assertThat(a.exposure()).contains(Exposure.INTERNET);
        assertThat(a.count()).isEqualTo(2);
        Asset g = load.assets().get(1);
        assertThat(g.vendor()).isEqualTo("サイボウズ");
        assertThat(g.aliases()).containsExactly("サイボウズ Garoon", "ガルーン");
        assertThat(g.exposure()).contains(Exposure.INTERNAL);
    }

    @Test
    void readsUtf8WithBomAndEnglishHeaders() {
        String csv = "id,name,vendor,product,version,cpe,aliases,owner,exposure,count\n"
                + "chrome,Chrome,Google,Google Chrome,150.0.7871.100,cpe:/a:google:chrome,クローム,IT,internal,350\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bom, 3, body.length);
        InventoryLoad load = InventoryCsvLoader.read("inv.csv", bom);
        assertThat(load.problems()).isEmpty();
        assertThat(load.assets()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("chrome");
            assertThat(a.aliases()).containsExactly("クローム");
            assertThat(a.count()).isEqualTo(350);
        });
        assertThat(InventoryCsvLoader.read("inv.csv", body).assets()).hasSize(1);
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheOthersLoad() {
        String csv = "名称,製品,バージョン,CPE,台数,公開範囲\n"
                + "FW,FortiOS,7.4.3,cpe:/o:fortinet:fortios,1,internet\n"
                + "\"Web\nサーバー\",Apache HTTP Server,2.4.62,not-a-cpe,1,internet\n"
                + "DB,MySQL,8.0.36,,たくさん,internal\n"
                + ",,,,,\n"
                + "Mail,Postfix,3.8,,1,dmz\n"
                + "VPN,FortiClient,7.2,,1,internal\n";
        InventoryLoad load = InventoryCsvLoader.read("inv.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(load.assets()).extracting(Asset::name).containsExactly("FW", "VPN");
        assertThat(load.problems()).extracting(InventoryProblem::line, InventoryProblem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "cpe"),
                org.assertj.core.groups.Tuple.tuple(5, "count"),
                org.assertj.core.groups.Tuple.tuple(7, "exposure"));
        assertThat(load.problems().get(0).toString()).startsWith("inv.csv:3 [cpe]");
    }

    @Test
    void unknownColumnIsReportedAndMissingNameColumnFails() {
        InventoryLoad load = InventoryCsvLoader.read("x.csv", "名称,備考\nFW,test\n".getBytes(StandardCharsets.UTF_8));
        assertThat(load.assets()).hasSize(1);
        assertThat(load.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("備考");
            assertThat(p.line()).isEqualTo(1);
        });
        InventoryLoad bad = InventoryCsvLoader.read("x.csv", "ホスト,IP\nfw,10.0.0.1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.assets()).isEmpty();
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.message()).contains("名称"));
    }

    @Test
    void inventoryFilesPicksTheLoaderByExtension(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("inv.CSV");
        Files.writeString(csv, "名称,製品\nFW,FortiOS\n");
        assertThat(InventoryFiles.load(csv).assets()).extracting(Asset::product).containsExactly("FortiOS");
        Path yaml = dir.resolve("inventory.yml");
        Files.writeString(yaml, "assets:\n  - name: FW\n    product: FortiOS\n");
        InventoryLoad load = InventoryFiles.load(yaml);
        assertThat(load.assets()).extracting(Asset::id).containsExactly("fw");
        assertThat(load.problems()).isEmpty();
    }
}
