package dev.shirase.inventory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.store.Database;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchRepositoryTest {

    private static final OffsetDateTime T1 = OffsetDateTime.parse("2026-10-08T09:00:00+09:00");
    private static final OffsetDateTime T2 = OffsetDateTime.parse("2026-10-09T09:00:00+09:00");
    private static final OffsetDateTime T3 = OffsetDateTime.parse("2026-10-10T09:00:00+09:00");
    private static int counter;

    private Database db;
    private MatchRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("matchrepo" + (++counter));
        repo = new MatchRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Match m(String adv, String asset, Verdict v, String version) {
        return new Match(adv, asset, v, asset + " " + version + " reason", Optional.ofNullable(version), "sec:cpe x:y");
    }

    @Test
    void replaceForStoresAndFindsByVerdictAndAsset() {
        List<VerdictChange> changes = repo.replaceFor("JVNDB-2026-037242",
                List.of(m("JVNDB-2026-037242", "chrome", Verdict.AFFECTED, "150.0"),
                        m("JVNDB-2026-037242", "edge", Verdict.CHECK, null)), T1);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).oldVerdict()).isEmpty();
        assertThat(changes.get(0).newVerdict()).contains(Verdict.AFFECTED);

        List<StoredMatch> affected = repo.find(Optional.of(Verdict.AFFECTED), Optional.empty());
        assertThat(affected).hasSize(1);
        StoredMatch s = affected.get(0);
        assertThat(s.assetId()).isEqualTo("chrome");
        assertThat(s.reason()).isEqualTo("chrome 150.0 reason");
        assertThat(s.evidence()).isEqualTo("sec:cpe x:y");
        assertThat(s.assetVersion()).contains("150.0");
        assertThat(s.matchedAt().toInstant()).isEqualTo(T1.toInstant());
        assertThat(s.triage()).isEqualTo(TriageState.OPEN);
        assertThat(repo.find(Optional.empty(), Optional.of("edge"))).extracting(StoredMatch::verdict)
                .containsExactly(Verdict.CHECK);
        assertThat(repo.find(Optional.empty(), Optional.of("edge")).get(0).assetVersion()).isEmpty();
        assertThat(repo.advisoryCountByAsset()).containsEntry("chrome", 1).containsEntry("edge", 1);
    }

    @Test
    void forAdvisoryAndVerdictsByAdvisoryReadOnlyThatAdvisory() {
        repo.replaceFor("A-1", List.of(m("A-1", "chrome", Verdict.AFFECTED, "150.0"),
                m("A-1", "edge", Verdict.CHECK, null)), T1);
        repo.replaceFor("A-2", List.of(m("A-2", "chrome", Verdict.NOT_AFFECTED, "150.0")), T1);
        assertThat(repo.forAdvisory("A-1")).extracting(StoredMatch::assetId).containsExactlyInAnyOrder("chrome", "edge");
        assertThat(repo.forAdvisory("A-3")).isEmpty();
        assertThat(repo.get("A-2", "chrome").orElseThrow().verdict()).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(repo.get("A-2", "edge")).isEmpty();
        assertThat(repo.verdictsByAdvisory(List.of("A-1", "A-2", "A-3")))
                .containsOnlyKeys("A-1", "A-2")
                .containsEntry("A-1", java.util.EnumSet.of(Verdict.AFFECTED, Verdict.CHECK))
                .containsEntry("A-2", java.util.EnumSet.of(Verdict.NOT_AFFECTED));
    }

    @Test
    void verdictChangeAfterRevisionIsRecorded() {
        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.CHECK, "7.4.3")), T1);
        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.CHECK, "7.4.3")), T2);
        List<VerdictChange> changes = repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.AFFECTED, "7.4.3")), T3);
        assertThat(changes).hasSize(1);
        VerdictChange c = changes.get(0);
        assertThat(c.oldVerdict()).contains(Verdict.CHECK);
        assertThat(c.newVerdict()).contains(Verdict.AFFECTED);
        List<VerdictChange> all = repo.verdictChanges(Optional.of("A-1"), Optional.of("fortigate"));
        assertThat(all).hasSize(2);
        assertThat(all.get(1).oldVerdict()).contains(Verdict.CHECK);
        assertThat(all.get(1).newVerdict()).contains(Verdict.AFFECTED);
        assertThat(all.get(1).at().toInstant()).isEqualTo(T3.toInstant());
    }

    @Test
    void replaceForDropsAssetsNoLongerNamed() {
        repo.replaceFor("A-1", List.of(m("A-1", "a", Verdict.CHECK, "1"), m("A-1", "b", Verdict.CHECK, "1")), T1);
        repo.replaceFor("A-2", List.of(m("A-2", "a", Verdict.CHECK, "1")), T1);
        List<VerdictChange> changes = repo.replaceFor("A-1", List.of(m("A-1", "a", Verdict.CHECK, "1")), T2);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.assetId()).isEqualTo("b");
            assertThat(c.newVerdict()).isEmpty();
        });
        assertThat(repo.find(Optional.empty(), Optional.empty())).extracting(StoredMatch::advisoryId)
                .containsExactly("A-2", "A-1");
    }

    @Test
    void replaceAllReplacesEverything() {
        repo.replaceFor("A-1", List.of(m("A-1", "a", Verdict.CHECK, "1")), T1);
        repo.replaceFor("A-2", List.of(m("A-2", "a", Verdict.AFFECTED, "1")), T1);
        List<VerdictChange> changes = repo.replaceAll(List.of(m("A-2", "a", Verdict.NOT_AFFECTED, "2"),
                m("A-3", "b", Verdict.CHECK, null)), T2);
        assertThat(changes).hasSize(3);
        assertThat(repo.find(Optional.empty(), Optional.empty())).extracting(s -> s.advisoryId() + "/" + s.verdict())
                .containsExactly("A-3/CHECK", "A-2/NOT_AFFECTED");
    }

    @Test
    void triageIsKeptWithWhoAndWhenAndHistory() {
        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.AFFECTED, "7.4.3")), T1);
        repo.triage("A-1", "fortigate", TriageState.IN_PROGRESS, "パッチ適用予定", "山田", T2);
        TriageRecord done = repo.triage("A-1", "fortigate", TriageState.DONE, "7.4.9 へ更新済み", "山田", T3);
        assertThat(done.assetVersion()).contains("7.4.3");
        StoredMatch s = repo.get("A-1", "fortigate").orElseThrow();
        assertThat(s.triage()).isEqualTo(TriageState.DONE);
        assertThat(s.triageRecord().orElseThrow().by()).isEqualTo("山田");
        assertThat(s.triageRecord().orElseThrow().note()).isEqualTo("7.4.9 へ更新済み");
        assertThat(repo.triageHistory("A-1", "fortigate")).extracting(TriageRecord::state)
                .containsExactly(TriageState.IN_PROGRESS, TriageState.DONE);
        assertThat(repo.triageHistory("A-1", "fortigate").get(0).at().toInstant()).isEqualTo(T2.toInstant());
    }

    @Test
    void versionChangeReopensTriageAndKeepsOldDecision() {
        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.AFFECTED, "7.4.3")), T1);
        repo.triage("A-1", "fortigate", TriageState.NOT_AFFECTED, "機能未使用", "山田", T2);
        assertThat(repo.get("A-1", "fortigate").orElseThrow().triage()).isEqualTo(TriageState.NOT_AFFECTED);

        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.AFFECTED, "7.4.5")), T3);
        StoredMatch s = repo.get("A-1", "fortigate").orElseThrow();
        assertThat(s.triage()).isEqualTo(TriageState.OPEN);
        assertThat(s.assetVersion()).contains("7.4.5");
        List<TriageRecord> history = repo.triageHistory("A-1", "fortigate");
        assertThat(history).extracting(TriageRecord::state).containsExactly(TriageState.NOT_AFFECTED, TriageState.OPEN);
        assertThat(history.get(0).assetVersion()).contains("7.4.3");
        assertThat(history.get(1).assetVersion()).contains("7.4.5");
        assertThat(history.get(1).by()).isEqualTo(MatchRepository.SYSTEM);
        assertThat(history.get(1).note()).contains("7.4.3 → 7.4.5");

        // the same version again does not reopen anything
        repo.triage("A-1", "fortigate", TriageState.DONE, "", "佐藤", T3);
        repo.replaceFor("A-1", List.of(m("A-1", "fortigate", Verdict.AFFECTED, "7.4.5")), T3);
        assertThat(repo.get("A-1", "fortigate").orElseThrow().triage()).isEqualTo(TriageState.DONE);
        assertThat(repo.triageHistory("A-1", "fortigate")).hasSize(3);
    }

    @Test
    void triageOfUnknownMatchFails() {
        assertThatThrownBy(() -> repo.triage("X", "y", TriageState.DONE, "", "me", T1))
                .isInstanceOf(UnknownMatchException.class).hasMessageContaining("X");
        assertThatThrownBy(() -> TriageState.parse("closed")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TriageState.parse("not-affected")).isEqualTo(TriageState.NOT_AFFECTED);
    }
}
