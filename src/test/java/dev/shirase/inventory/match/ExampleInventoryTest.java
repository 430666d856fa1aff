package dev.shirase.inventory.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.load.InventoryYamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example inventory.yaml at the project root against the bundled feed samples: all three verdicts appear. */
class ExampleInventoryTest {

    @Test
    void producesAffectedCheckAndNotAffectedOnTheSamples() {
        AdvisoryMatcher m = new AdvisoryMatcher(InventoryYamlLoader.load(Path.of("inventory.yaml")));
        List<Match> all = new ArrayList<>();
        for (Advisory a : TestAdvisories.fromFixtures()) {
            all.addAll(m.match(a));
        }
        Map<String, Match> byKey = all.stream().collect(Collectors.toMap(x -> x.advisoryId() + "|" + x.assetId(),
                Function.identity()));
        assertThat(byKey.get("JVNDB-2026-037242|chrome").verdict()).isEqualTo(Verdict.AFFECTED);
        assertThat(byKey.get("JVNDB-2026-037242|chrome").reason())
                .isEqualTo("Google Chrome 150.0.7871.100 ≤ 155.0.8059.39 「155.0.8059.39以前」 (sec:cpe google:chrome, JVNDB-2026-037242)");
        assertThat(byKey.get("JVNDB-2026-036911|web-httpd").verdict()).isEqualTo(Verdict.AFFECTED);
        assertThat(byKey.get("JVNDB-2026-036908|vllm").verdict()).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(byKey.get("JVNDB-2026-036910|teamcity").verdict()).isEqualTo(Verdict.CHECK);
        assertThat(byKey.get("JVNVU#93468181|openssl").verdict()).isEqualTo(Verdict.CHECK);
        assertThat(byKey.get("IPA-alert20251217|fortigate").verdict()).isEqualTo(Verdict.CHECK);
        assertThat(all).extracting(Match::verdict).contains(Verdict.AFFECTED, Verdict.CHECK, Verdict.NOT_AFFECTED);
        assertThat(all).noneMatch(x -> x.assetId().equals("mysql"));
        System.out.println("example inventory × samples: " + all.stream()
                .collect(Collectors.groupingBy(x -> x.verdict().japanese(), Collectors.counting())));
    }
}
