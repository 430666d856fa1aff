package dev.shirase.web.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.web.view.AssetRow;
import dev.shirase.web.view.MatchRow;
import dev.shirase.web.view.TriageState;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matching port over the real MatchRepository and advisory store (H2). */
class InventoryMatchViewTest {

    private static final List<Asset> ASSETS = List.of(
            new Asset("fw", "本社 FortiGate", "Fortinet", "FortiOS", Optional.of("7.4.3"), Optional.empty(), List.of(),
                    "情報システム部", Optional.empty(), 1),
            new Asset("mt", "広報サイト", "Six Apart", "Movable Type", Optional.empty(), Optional.empty(), List.of(), "",
                    Optional.empty(), 1),
            new Asset("idle", "会議室PC", "", "", Optional.empty(), Optional.empty(), List.of(), "", Optional.empty(), 1));

    private Database db;
    private InventoryMatchView view;

    @BeforeEach
    void setUp() {
        db = Database.inMemory("web-matches-" + System.nanoTime());
        AdvisoryRepository advisories = new AdvisoryRepository(db);
        OffsetDateTime t = OffsetDateTime.parse("2026-10-01T10:00+09:00");
        advisories.upsertAll(List.of(
                Advisory.parsed("JVNDB-2026-000001", "jvndb", "https://jvndb.jvn.jp/a", "FortiOS の脆弱性", "", t, t,
                        Category.VULNERABILITY, Set.of(), List.of(), List.of(), List.of()),
                Advisory.parsed("JVN#00000002", "jvn", "https://jvn.jp/b", "Movable Type の脆弱性", "", t, t,
                        Category.VULNERABILITY, Set.of(), List.of(), List.of(), List.of())), Instant.parse("2026-10-02T00:00:00Z"));
        MatchRepository repo = new MatchRepository(db);
        repo.replaceFor("JVNDB-2026-000001", List.of(
                new Match("JVNDB-2026-000001", "fw", Verdict.AFFECTED, "FortiOS 7.4.3 ≤ 7.4.8", Optional.of("7.4.3"),
                        "sec:cpe fortinet:fortios"),
                new Match("JVNDB-2026-000001", "mt", Verdict.NOT_AFFECTED, "not named", Optional.empty(), "")));
        repo.replaceFor("JVN#00000002", List.of(new Match("JVN#00000002", "mt", Verdict.CHECK, "version unknown",
                Optional.empty(), "product name Movable Type")));
        view = new InventoryMatchView(repo, () -> ASSETS, advisories,
                Clock.fixed(Instant.parse("2026-10-03T01:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void matchesCarryVerdictReasonTitleAndAssetName() {
        List<MatchRow> rows = view.matchesFor("JVNDB-2026-000001");
        assertThat(rows).extracting(MatchRow::assetId).containsExactly("fw", "mt");
        MatchRow fw = rows.get(0);
        assertThat(fw.verdict()).isEqualTo("AFFECTED");
        assertThat(fw.reason()).isEqualTo("FortiOS 7.4.3 ≤ 7.4.8");
        assertThat(fw.evidence()).isEqualTo("sec:cpe fortinet:fortios");
        assertThat(fw.assetName()).isEqualTo("本社 FortiGate");
        assertThat(fw.advisoryTitle()).isEqualTo("FortiOS の脆弱性");
        assertThat(fw.assetVersion()).contains("7.4.3");
        assertThat(fw.state()).isEqualTo(TriageState.OPEN);
        assertThat(view.matches(Optional.of("CHECK"), Optional.empty())).extracting(MatchRow::advisoryId)
                .containsExactly("JVN#00000002");
        assertThat(view.matches(Optional.empty(), Optional.of("mt"))).hasSize(2);
    }

    @Test
    void triageIsRecordedWithHistoryAndClosesTheOpenItem() {
        // Assets needing attention first, then by name.
        assertThat(view.assets()).extracting(AssetRow::id).containsExactly("mt", "fw", "idle");
        assertThat(view.assets().get(1).openMatches()).extracting(MatchRow::advisoryId).containsExactly("JVNDB-2026-000001");

        view.triage("JVNDB-2026-000001", "fw", TriageState.IN_PROGRESS, "調査中", "tanaka");
        view.triage("JVNDB-2026-000001", "fw", TriageState.DONE, "7.4.9 に更新", "suzuki");
        MatchRow fw = view.matchesFor("JVNDB-2026-000001").get(0);
        assertThat(fw.state()).isEqualTo(TriageState.DONE);
        assertThat(fw.history()).extracting(e -> e.state() + "/" + e.user() + "/" + e.note())
                .containsExactly("IN_PROGRESS/tanaka/調査中", "DONE/suzuki/7.4.9 に更新");
        assertThat(fw.history().get(1).at()).isEqualTo(Instant.parse("2026-10-03T01:00:00Z"));

        List<AssetRow> assets = view.assets();
        assertThat(assets).extracting(AssetRow::id).containsExactly("mt", "idle", "fw");
        assertThat(assets.get(0).openMatches()).extracting(MatchRow::verdict).containsExactly("CHECK");
        assertThat(assets.get(2).openMatches()).isEmpty();

        assertThatThrownBy(() -> view.triage("JVNDB-2026-000001", "idle", TriageState.DONE, "", "tanaka"))
                .isInstanceOf(NoSuchElementException.class);
    }
}
