package dev.shirase.inventory.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.bench.MatchBench;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small size (speed itself is measured by running it, not by tests). */
class MatchBenchTest {

    @Test
    void smallRunProducesAllVerdicts() throws Exception {
        MatchBench.Result r = MatchBench.run(100, 3_000, 2);
        assertThat(r.matches()).isPositive();
        assertThat(r.verdicts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.matches());
        assertThat(r.verdicts().get(Verdict.AFFECTED)).isPositive();
        assertThat(r.verdicts().get(Verdict.CHECK)).isPositive();
        assertThat(r.verdicts().get(Verdict.NOT_AFFECTED)).isPositive();
        assertThat(r.toString()).contains("full re-match").contains("per advisory ingest");
    }
}
