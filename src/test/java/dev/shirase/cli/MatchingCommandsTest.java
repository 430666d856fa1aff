package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** matches, triage and inventory check over the demo pipeline (real samples, real H2 + index, example inventory). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingCommandsTest {
    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli cli;

    static Cli.Run run(String... args) {
        return cli.run(args);
    }

    @BeforeAll
    static void ingestTheSamples() throws Exception {
        Files.copy(Path.of("inventory.yaml"), dir.resolve("inventory.yaml"));
        cli = new Cli(dir);
        Cli.Run demo = run("demo", "--no-serve");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("該当 AFFECTED").contains("JVNDB-2026-037242");
    }

    @Test
    @Order(1)
    void matchesJsonHasTheDocumentedShape() throws Exception {
        Cli.Run run = run("matches", "--verdict", "AFFECTED", "--json");
        assertThat(run.exit()).isZero();
        JsonNode matches = JSON.readTree(run.out()).get("matches");
        assertThat(matches).isNotEmpty();
        JsonNode chrome = null;
        for (JsonNode m : matches) {
            assertThat(m.get("verdict").asText()).isEqualTo("AFFECTED");
            if (m.get("advisory").asText().equals("JVNDB-2026-037242")) {
                chrome = m;
            }
        }
        assertThat(chrome).isNotNull();
        assertThat(chrome.get("asset").asText()).isEqualTo("chrome");
        assertThat(chrome.get("reason").asText()).contains("155.0.8059.39").contains("google:chrome");
        assertThat(chrome.get("cves").get(0).asText()).isEqualTo("CVE-2026-106302");
        assertThat(chrome.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(chrome.get("triage").asText()).isEqualTo("open");
    }

    @Test
    @Order(2)
    void triageIsRecordedAndShownByMatches() throws Exception {
        Cli.Run triage = run("triage", "JVNDB-2026-037242", "chrome", "in-progress", "--note", "配布中", "--by", "yamada");
        assertThat(triage.exit()).as(triage.err()).isZero();
        assertThat(triage.out()).contains("in-progress").contains("yamada");
        JsonNode matches = JSON.readTree(run("matches", "--asset", "chrome", "--json").out()).get("matches");
        boolean found = false;
        for (JsonNode m : matches) {
            if (m.get("advisory").asText().equals("JVNDB-2026-037242")) {
                assertThat(m.get("triage").asText()).isEqualTo("in-progress");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    @Order(3)
    void triageOfAnUnknownPairOrStateIsAClearError() {
        Cli.Run unknownPair = run("triage", "JVNDB-2026-037242", "no-such-asset", "done");
        assertThat(unknownPair.exit()).isEqualTo(2);
        assertThat(unknownPair.err()).contains("shirase matches");
        Cli.Run badState = run("triage", "JVNDB-2026-037242", "chrome", "finished");
        assertThat(badState.exit()).isEqualTo(2);
        assertThat(badState.err()).contains("done, not-affected, in-progress or open");
    }

    @Test
    @Order(4)
    void inventoryCheckWarnsAboutAssetsNoSourceNames() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), Files.readString(dir.resolve("inventory.yaml")) + """

                  - id: typo
                    name: 営業部 ブラウザ
                    vendor: Gogle
                    product: Chrom
                    version: "7.4.3"
                """);
        Cli.Run run = run("inventory", "check", "--json");
        assertThat(run.exit()).as("an unmatched asset is a warning, exit 1").isEqualTo(1);
        JsonNode assets = JSON.readTree(run.out()).get("assets");
        JsonNode typo = null;
        JsonNode chrome = null;
        for (JsonNode a : assets) {
            if (a.get("asset").asText().equals("typo")) {
                typo = a;
            }
            if (a.get("asset").asText().equals("chrome")) {
                chrome = a;
            }
        }
        assertThat(typo).isNotNull();
        assertThat(typo.get("unmatched").asBoolean()).isTrue();
        assertThat(typo.get("advisories").asInt()).isZero();
        assertThat(typo.get("suggestions").toString()).as("did you mean …?").contains("google:chrome");
        assertThat(chrome.get("unmatched").asBoolean()).isFalse();
        assertThat(chrome.get("advisories").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(5)
    void anInventoryChangeRejudgesTheWholeArchiveAndReopensTriage() throws Exception {
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory).replace("\"150.0.7871.100\"", "\"156.0.7900.10\""));
        JsonNode matches = JSON.readTree(run("matches", "--asset", "chrome", "--json").out()).get("matches");
        JsonNode chrome = null;
        for (JsonNode m : matches) {
            if (m.get("advisory").asText().equals("JVNDB-2026-037242")) {
                chrome = m;
            }
        }
        assertThat(chrome).isNotNull();
        assertThat(chrome.get("verdict").asText()).isEqualTo("NOT_AFFECTED");
        assertThat(chrome.get("reason").asText()).contains("156.0.7900.10");
        assertThat(chrome.get("triage").asText()).as("a decision for the old version does not carry over")
                .isEqualTo("open");
    }
}
