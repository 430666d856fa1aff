package dev.shirase.inventory.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.load.InventoryYamlLoader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures matching quality on the labelled set (real samples plus hand-written advisories): recall of 該当 + 要確認
 * (≥ 0.98) and precision of 該当 (≥ 0.90). Prints the figures.
 */
class LabelledSetTest {

    private record Label(String advisory, String asset, String expected, String gist) {
    }

    private static final Map<String, Label> labels = new HashMap<>();
    private static final Map<String, Match> predicted = new HashMap<>();
    private static final Set<String> advisoryIds = new HashSet<>();
    private static final Set<String> assetIds = new HashSet<>();

    @BeforeAll
    static void run() throws Exception {
        String yaml;
        try (InputStream in = LabelledSetTest.class.getResourceAsStream("/matching/inventory.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Asset> assets = InventoryYamlLoader.read("matching/inventory.yaml", yaml);
        assets.forEach(a -> assetIds.add(a.id()));
        AdvisoryMatcher matcher = new AdvisoryMatcher(assets);
        List<Advisory> all = new ArrayList<>(TestAdvisories.fromFixtures());
        all.addAll(TestAdvisories.handwritten());
        for (Advisory a : all) {
            advisoryIds.add(a.id());
            for (Match m : matcher.match(a)) {
                predicted.put(m.advisoryId() + "|" + m.assetId(), m);
            }
        }
        try (InputStream in = LabelledSetTest.class.getResourceAsStream("/matching/labelled.yaml")) {
            for (JsonNode n : new ObjectMapper(new YAMLFactory()).readTree(in).get("labels")) {
                Label l = new Label(n.get("advisory").asText(), n.get("asset").asText(), n.get("expected").asText(),
                        n.get("gist").asText());
                labels.put(l.advisory + "|" + l.asset, l);
            }
        }
    }

    @Test
    void labelsReferToRealAdvisoriesAndAssets() {
        for (Label l : labels.values()) {
            assertThat(advisoryIds).as("advisory of %s", l).contains(l.advisory);
            assertThat(assetIds).as("asset of %s", l).contains(l.asset);
        }
        assertThat(labels).hasSizeGreaterThan(60);
    }

    @Test
    void recallOfAffectedPlusCheckAndPrecisionOfAffected() {
        int relevant = 0;
        int found = 0;
        int predictedAffected = 0;
        int correctAffected = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (Label l : labels.values()) {
            Match m = predicted.get(l.advisory + "|" + l.asset);
            String got = m == null ? "NONE" : m.verdict().name();
            if (got.equals(l.expected)) {
                exact++;
            } else {
                misses.add(l.advisory + " × " + l.asset + ": expected " + l.expected + ", got " + got
                        + (m == null ? "" : " — " + m.reason()));
            }
            if (l.expected.equals("AFFECTED") || l.expected.equals("CHECK")) {
                relevant++;
                if (m != null && m.verdict() != Verdict.NOT_AFFECTED) {
                    found++;
                }
            }
        }
        for (Map.Entry<String, Match> e : predicted.entrySet()) {
            if (e.getValue().verdict() == Verdict.AFFECTED) {
                predictedAffected++;
                Label l = labels.get(e.getKey());
                if (l != null && l.expected.equals("AFFECTED")) {
                    correctAffected++;
                } else if (l == null) {
                    misses.add("unlabelled 該当: " + e.getValue().reason());
                }
            }
        }
        double recall = relevant == 0 ? 0 : (double) found / relevant;
        double precision = predictedAffected == 0 ? 0 : (double) correctAffected / predictedAffected;
        System.out.printf("matching quality: %d labels, %d matches; recall(該当+要確認) = %.3f (%d/%d); "
                        + "precision(該当) = %.3f (%d/%d); exact verdicts %d/%d%n", labels.size(), predicted.size(),
                recall, found, relevant, precision, correctAffected, predictedAffected, exact, labels.size());
        misses.forEach(s -> System.out.println("  mismatch: " + s));
        assertThat(recall).isGreaterThanOrEqualTo(0.98);
        assertThat(precision).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void reasonsCarryTheExpectedGist() {
        for (Label l : labels.values()) {
            Match m = predicted.get(l.advisory + "|" + l.asset);
            if (m != null && m.verdict().name().equals(l.expected)) {
                assertThat(m.reason()).as("reason of %s × %s", l.advisory, l.asset).contains(l.gist)
                        .contains(l.advisory);
            }
        }
    }

    @Test
    void everyMatchIsLabelled() {
        for (String key : predicted.keySet()) {
            assertThat(labels).as("labelled: %s", predicted.get(key).reason()).containsKey(key);
        }
    }
}
