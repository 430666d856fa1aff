package dev.shirase.store;

import static dev.shirase.store.TestAdvisories.JST;
import static dev.shirase.store.TestAdvisories.asParsed;
import static dev.shirase.store.TestAdvisories.rich;
import static dev.shirase.store.TestAdvisories.synthetic;
import static dev.shirase.store.TestAdvisories.withIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.store.UpsertOutcome.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");

    private Database db;
    private AdvisoryRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("advisories-" + UUID.randomUUID());
        repo = new AdvisoryRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void richAdvisoryRoundTripsExactly() {
        Advisory original = rich();
        UpsertOutcome outcome = repo.upsert(original, T1);

        assertThat(outcome).isEqualTo(new UpsertOutcome("JVNDB-2026-037242", Kind.NEW, 1));
        Advisory stored = repo.find(original.id()).orElseThrow();
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(stored.kev()).isEmpty();
        assertThat(stored.epss()).isEmpty();
        assertThat(asParsed(stored)).isEqualTo(original);
        assertThat(stored.published()).isEqualTo(OffsetDateTime.of(2026, 1, 7, 10, 30, 0, 0, JST));
        assertThat(stored.published().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(stored.modified().getNano()).isEqualTo(123_000_000);
        assertThat(stored.products().get(0).versionText()).contains("155.0.8059.39 より前のバージョン");
        assertThat(stored.products().get(1).versionText()).isEmpty();
        assertThat(stored.products().get(2).cpe()).isEmpty();
        assertThat(stored.summary()).contains("改ざん").contains("「全角」ＡＢＣ").contains("\n");
        assertThat(stored.cvss()).extracting(c -> c.version()).containsExactly("3.0", "2.0", "4.0");
        assertThat(stored.references().get(1).source()).isEqualTo("関連文書");
        assertThat(repo.find("JVNDB-2026-999999")).isEmpty();
    }

    @Test
    void identicalReupsertIsUnchangedAndChangedTitleIsANewRevision() {
        Advisory original = rich();
        repo.upsert(original, T1);

        assertThat(repo.upsert(original, T2)).isEqualTo(new UpsertOutcome(original.id(), Kind.UNCHANGED, 1));
        assertThat(repo.changedSince(T2)).isEmpty();

        Advisory retitled = new Advisory(original.id(), original.source(), original.url(), "更新：" + original.title(),
                original.summary(), original.published(), original.modified(), original.category(),
                original.identifiers(), original.cvss(), original.products(), original.references(),
                Optional.empty(), Optional.empty(), 0);
        assertThat(repo.upsert(retitled, T2)).isEqualTo(new UpsertOutcome(original.id(), Kind.UPDATED, 2));

        Advisory stored = repo.find(original.id()).orElseThrow();
        assertThat(stored.title()).startsWith("更新：");
        assertThat(stored.revision()).isEqualTo(2);
        List<AdvisoryRevision> history = repo.revisionHistory(original.id());
        assertThat(history).extracting(AdvisoryRevision::revision).containsExactly(1, 2);
        assertThat(history).extracting(AdvisoryRevision::changedAt).containsExactly(T1, T2);
        assertThat(history.get(0).contentHash()).isNotEqualTo(history.get(1).contentHash()).hasSize(64);
        assertThat(repo.changedSince(T2)).extracting(Advisory::id).containsExactly(original.id());
        assertThat(repo.changedSince(T2.plusSeconds(1))).isEmpty();
    }

    @Test
    void revisionAndEnrichmentDoNotAffectTheContentHash() {
        repo.upsert(rich(), T1);
        Advisory sameContentOtherMetadata = rich().withRevision(7)
                .withEnrichment(Optional.empty(), Optional.of(new dev.shirase.advisory.EpssScore("CVE-2026-0001", 0.5, 0.9, null)));
        assertThat(repo.upsert(sameContentOtherMetadata, T2).kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(repo.revisionHistory(rich().id())).hasSize(1);
    }

    @Test
    void anotherSourceDeliveringTheSameIdKeepsTheFirstSource() {
        Advisory fromJvndb = withIds("JVNDB-2026-000100", "jvndb", "タイトル", "CVE-2026-1000");
        repo.upsert(fromJvndb, T1);
        Advisory sameFromMyjvn = withIds("JVNDB-2026-000100", "myjvn-vuln", "タイトル", "CVE-2026-1000");
        assertThat(repo.upsert(sameFromMyjvn, T2).kind()).isEqualTo(Kind.UNCHANGED);
        Advisory changedFromMyjvn = withIds("JVNDB-2026-000100", "myjvn-vuln", "新タイトル", "CVE-2026-1000", "CVE-2026-1001");
        assertThat(repo.upsert(changedFromMyjvn, T2)).isEqualTo(new UpsertOutcome("JVNDB-2026-000100", Kind.UPDATED, 2));

        Advisory stored = repo.find("JVNDB-2026-000100").orElseThrow();
        assertThat(stored.source()).isEqualTo("jvndb");
        assertThat(stored.title()).isEqualTo("新タイトル");
        assertThat(repo.idsWithIdentifier("CVE-2026-1001")).containsExactly("JVNDB-2026-000100");
        assertThat(repo.countBySource()).isEqualTo(Map.of("jvndb", 1));
    }

    @Test
    void batchUpsertReportsEachOutcomeInOrder() {
        List<Advisory> first = IntStream.range(0, 1_200).mapToObj(TestAdvisories::synthetic).toList();
        List<UpsertOutcome> outcomes = repo.upsertAll(first, T1);
        assertThat(outcomes).hasSize(1_200).allMatch(o -> o.kind() == Kind.NEW && o.revision() == 1);
        assertThat(outcomes.get(1_100).id()).isEqualTo(synthetic(1_100).id());
        assertThat(repo.count()).isEqualTo(1_200);

        // Second delivery (two write chunks): 1,198 identical, one changed, one new, and the new one twice with different content.
        List<Advisory> second = new ArrayList<>(first);
        Advisory changed = withIds(synthetic(7).id(), "jvndb", "changed", "CVE-2025-00007");
        second.set(7, changed);
        second.add(synthetic(9_000));
        Advisory newAgainChanged = withIds(synthetic(9_000).id(), "jvndb", "second version");
        second.add(newAgainChanged);
        List<UpsertOutcome> again = repo.upsertAll(second, T2);

        assertThat(again).hasSize(1_202);
        assertThat(again.get(0)).isEqualTo(new UpsertOutcome(synthetic(0).id(), Kind.UNCHANGED, 1));
        assertThat(again.get(7)).isEqualTo(new UpsertOutcome(changed.id(), Kind.UPDATED, 2));
        assertThat(again.get(1_200)).isEqualTo(new UpsertOutcome(synthetic(9_000).id(), Kind.NEW, 1));
        assertThat(again.get(1_201)).isEqualTo(new UpsertOutcome(synthetic(9_000).id(), Kind.UPDATED, 2));
        assertThat(again.stream().filter(UpsertOutcome::changed)).hasSize(3);
        assertThat(repo.count()).isEqualTo(1_201);
        assertThat(asParsed(repo.find(changed.id()).orElseThrow())).isEqualTo(changed);
        assertThat(asParsed(repo.find(newAgainChanged.id()).orElseThrow())).isEqualTo(newAgainChanged);
        assertThat(repo.revisionHistory(newAgainChanged.id())).extracting(AdvisoryRevision::revision).containsExactly(1, 2);
        // The old identifiers of an updated advisory are replaced, not accumulated.
        assertThat(repo.idsWithIdentifier("CVE-2025-09000")).isEmpty();
        assertThat(repo.changedSince(T2)).extracting(Advisory::id)
                .containsExactlyInAnyOrder(changed.id(), newAgainChanged.id());
    }

    @Test
    void relatedIdsLinkOneThreatAcrossSources() {
        repo.upsertAll(List.of(
                withIds("JVNDB-2026-001234", "jvndb", "JVN iPedia entry", "JVNDB-2026-001234", "CVE-2026-2000", "JVNVU#12345678"),
                withIds("JVNVU#12345678", "jvn", "JVN entry", "JVNVU#12345678"),
                withIds("JPCERT-AT-2026-0004", "jpcert", "注意喚起", "CVE-2026-2000", "CVE-2026-2001"),
                withIds("JVNDB-2026-001235", "jvndb", "second CVE of the alert", "CVE-2026-2001"),
                withIds("JVNDB-2026-009999", "jvndb", "unrelated", "CVE-2026-9999"),
                withIds("JVN#87654321", "jvn", "names the JVNDB entry only", "JVNDB-2026-001234")), T1);

        assertThat(repo.relatedIds("JVNVU#12345678")).containsExactlyInAnyOrder(
                "JVNDB-2026-001234", "JPCERT-AT-2026-0004", "JVNDB-2026-001235", "JVN#87654321");
        assertThat(repo.relatedIds("JVNDB-2026-001235")).containsExactlyInAnyOrder(
                "JPCERT-AT-2026-0004", "JVNDB-2026-001234", "JVNVU#12345678", "JVN#87654321");
        assertThat(repo.relatedIds("JVNDB-2026-009999")).isEmpty();
        assertThat(repo.relatedIds("NO-SUCH-ID")).isEmpty();
        assertThat(repo.idsWithIdentifier("cve-2026-2000")).containsExactly("JPCERT-AT-2026-0004", "JVNDB-2026-001234");
        // The JVN advisory's own id counts as its identifier even where the parser did not repeat it.
        assertThat(repo.idsWithIdentifier("JVN#87654321")).containsExactly("JVN#87654321");
    }

    @Test
    void overSharedIdentifiersDoNotGlueThreatsTogether() {
        // A monthly alert naming 40 CVEs, each CVE also described by its own JVNDB entry.
        List<Advisory> batch = new ArrayList<>();
        String[] cves = IntStream.range(0, 40).mapToObj(i -> String.format("CVE-2026-3%03d", i)).toArray(String[]::new);
        batch.add(withIds("JPCERT-AT-2026-0010", "jpcert", "月例", cves));
        for (int i = 0; i < 40; i++) {
            batch.add(withIds(String.format("JVNDB-2026-01%04d", i), "jvndb", "entry " + i, cves[i], "CVE-2026-7777"));
        }
        // CVE-2026-7777 is carried by 40 JVNDB entries (> MAX_SHARED): it must not link them.
        repo.upsertAll(batch, T1);

        // The alert (41 identifiers) is related but is a hub: not followed to the 39 other entries.
        Set<String> related = repo.relatedIds("JVNDB-2026-010005");
        assertThat(related).containsExactly("JPCERT-AT-2026-0010");
        // Starting from the alert itself, every per-CVE entry is one hop away (40 <= MAX_RELATED).
        assertThat(repo.relatedIds("JPCERT-AT-2026-0010")).hasSize(40).contains("JVNDB-2026-010039");
        assertThat(repo.idsWithIdentifier("CVE-2026-7777")).hasSize(40);
    }

    @Test
    void relatedIdsStopAtTheCap() {
        // A chain JVNDB-…-0 — CVE-0 — JVNDB-…-1 — CVE-1 — …, 80 advisories long.
        List<Advisory> chain = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            chain.add(withIds(String.format("JVNDB-2026-02%04d", i), "jvndb", "chain " + i,
                    String.format("CVE-2026-4%04d", i), String.format("CVE-2026-4%04d", i + 1)));
        }
        repo.upsertAll(chain, T1);
        Set<String> related = repo.relatedIds("JVNDB-2026-020000");
        assertThat(related).hasSize(AdvisoryRepository.MAX_RELATED)
                .contains("JVNDB-2026-020001", "JVNDB-2026-020050")
                .doesNotContain("JVNDB-2026-020000", "JVNDB-2026-020051");
    }

    @Test
    void kevAndEpssAreAttachedByCveOnRead() {
        EnrichmentRepository enrichment = new EnrichmentRepository(db);
        var kev = new dev.shirase.advisory.KevEntry("CVE-2026-106302", "Google", "Chromium", "Use-after-free",
                java.time.LocalDate.of(2026, 1, 9), java.time.LocalDate.of(2026, 1, 30), true, "Apply updates.");
        enrichment.upsertKev(List.of(kev));
        enrichment.upsertEpss(List.of(
                new dev.shirase.advisory.EpssScore("CVE-2026-0001", 0.12, 0.80, java.time.LocalDate.of(2026, 1, 10)),
                new dev.shirase.advisory.EpssScore("CVE-2026-106302", 0.93, 0.99, java.time.LocalDate.of(2026, 1, 10)),
                new dev.shirase.advisory.EpssScore("CVE-2020-0001", 0.99, 0.999, java.time.LocalDate.of(2026, 1, 10))));
        repo.upsert(rich(), T1);
        repo.upsert(withIds("JVNDB-2026-000001", "jvndb", "no enrichment", "CVE-2026-5555"), T1);

        Advisory stored = repo.find(rich().id()).orElseThrow();
        assertThat(stored.kev()).contains(kev);
        assertThat(stored.epss().orElseThrow().cve()).isEqualTo("CVE-2026-106302");
        assertThat(stored.epss().orElseThrow().score()).isEqualTo(0.93);
        assertThat(repo.findAll(List.of("JVNDB-2026-000001", rich().id(), "missing")))
                .extracting(Advisory::id, a -> a.kev().isPresent(), a -> a.epss().isPresent())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JVNDB-2026-000001", false, false),
                        org.assertj.core.groups.Tuple.tuple(rich().id(), true, true));
        List<Advisory> streamed = new ArrayList<>();
        repo.forEach(streamed::add);
        assertThat(streamed).filteredOn(a -> a.id().equals(rich().id())).singleElement()
                .satisfies(a -> assertThat(a.kev()).contains(kev));
    }

    @Test
    void forEachPagesThroughMoreThanOnePage() {
        AdvisoryRepository smallPages = new AdvisoryRepository(db, 7);
        smallPages.upsertAll(IntStream.range(0, 50).mapToObj(TestAdvisories::synthetic).toList(), T1);
        List<String> seen = new ArrayList<>();
        smallPages.forEach(a -> {
            seen.add(a.id());
            // Writing while streaming must work: no connection is held across the callback.
            smallPages.upsert(a, T2);
        });
        assertThat(seen).hasSize(50).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).contains(synthetic(0).id(), synthetic(49).id());

        List<String> exactlyTwoPages = new ArrayList<>();
        AdvisoryRepository pagesOf25 = new AdvisoryRepository(db, 25);
        pagesOf25.forEach(a -> exactlyTwoPages.add(a.id()));
        assertThat(exactlyTwoPages).hasSize(50);
    }

    @Test
    void queriesBySourceTimeAndProduct() {
        Advisory jvndb = rich();
        Advisory alert = new Advisory("JPCERT-AT-2026-0001", "jpcert", "https://www.jpcert.or.jp/at/2026/at260001.html",
                "注意喚起", "", OffsetDateTime.of(2026, 1, 8, 0, 30, 0, 0, JST), null, Category.ALERT,
                Set.of(Identifier.of(IdentifierType.CVE, "CVE-2026-106302")), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), 0);
        repo.upsertAll(List.of(jvndb, alert), T1);

        assertThat(repo.countBySource()).isEqualTo(Map.of("jvndb", 1, "jpcert", 1));
        assertThat(repo.idsFromSource("jpcert")).containsExactly("JPCERT-AT-2026-0001");
        assertThat(repo.anyExists(List.of("x", "JPCERT-AT-2026-0001"))).isTrue();
        assertThat(repo.anyExists(List.of("x", "y"))).isFalse();
        assertThat(repo.anyExists(List.of())).isFalse();
        // 2026-01-08T00:30+09:00 is 2026-01-07T15:30Z: the bounds compare instants, whatever the offset.
        assertThat(repo.publishedBetween(OffsetDateTime.parse("2026-01-07T15:30Z"), OffsetDateTime.parse("2026-01-07T15:31Z")))
                .extracting(Advisory::id).containsExactly("JPCERT-AT-2026-0001");
        assertThat(repo.publishedBetween(OffsetDateTime.parse("2026-01-07T00:00+09:00"), OffsetDateTime.parse("2026-01-09T00:00+09:00")))
                .extracting(Advisory::id).containsExactly(jvndb.id(), "JPCERT-AT-2026-0001");
        assertThat(repo.publishedBetween(OffsetDateTime.parse("2026-01-07T10:30:01+09:00"), OffsetDateTime.parse("2026-01-08T00:30+09:00")))
                .isEmpty();
    }

    @Test
    void dataSurvivesClosingAndReopeningAFileDatabase(@TempDir Path dir) {
        String url = Database.defaultUrl(dir);
        try (Database file = Database.open(url, "sa", "")) {
            AdvisoryRepository r = new AdvisoryRepository(file);
            r.upsert(rich(), T1);
            r.upsert(withIds("JVNDB-2026-000100", "jvndb", "タイトル", "CVE-2026-1000"), T1);
            new EnrichmentRepository(file).upsertEpss(List.of(
                    new dev.shirase.advisory.EpssScore("CVE-2026-1000", 0.25, 0.5, java.time.LocalDate.of(2026, 3, 1))));
        }
        try (Database file = Database.open(url, "sa", "")) {
            AdvisoryRepository r = new AdvisoryRepository(file);
            assertThat(r.count()).isEqualTo(2);
            assertThat(asParsed(r.find(rich().id()).orElseThrow())).isEqualTo(rich());
            assertThat(r.find("JVNDB-2026-000100").orElseThrow().epss().orElseThrow().score()).isEqualTo(0.25);
            assertThat(r.upsert(rich(), T2).kind()).isEqualTo(Kind.UNCHANGED);
            assertThat(r.revisionHistory(rich().id())).singleElement()
                    .satisfies(h -> assertThat(h.changedAt()).isEqualTo(T1));
        }
    }

    // ---------------------------------------------------------------- store watermark (change numbers)

    /** Ids changed after {@code watermark}, read in pages of 3 (the stream must page). */
    private List<String> changedAfter(long watermark) {
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        int n = new AdvisoryRepository(db, 3).forEachChangedAfter(watermark, page -> {
            pageSizes.add(page.size());
            page.forEach(a -> ids.add(a.id()));
        });
        assertThat(n).isEqualTo(ids.size());
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isBetween(1, 3));
        return ids;
    }

    @Test
    void everyWriteTakesTheNextChangeNumberAndUnchangedRefetchesNone() {
        assertThat(repo.lastChange()).isZero();
        List<Advisory> first = IntStream.range(0, 7).mapToObj(TestAdvisories::synthetic).toList();
        repo.upsertAll(first, T1);
        long afterFirst = repo.lastChange();
        assertThat(afterFirst).isPositive();
        assertThat(changedAfter(0)).containsExactlyElementsOf(first.stream().map(Advisory::id).toList());

        // The same content again: no write, the watermark stays.
        repo.upsertAll(first, T2);
        assertThat(repo.lastChange()).isEqualTo(afterFirst);
        assertThat(changedAfter(afterFirst)).isEmpty();

        // A revision and a new advisory: only they come after the old watermark, the revised one with its new content.
        Advisory revised = withIds(synthetic(2).id(), "jvndb", "改訂されたタイトル", "CVE-2025-00002");
        repo.upsertAll(List.of(revised, synthetic(50)), T2);
        assertThat(repo.lastChange()).isGreaterThan(afterFirst);
        List<Advisory> later = new ArrayList<>();
        new AdvisoryRepository(db, 3).forEachChangedAfter(afterFirst, later::addAll);
        assertThat(later).extracting(Advisory::id).containsExactlyInAnyOrder(revised.id(), synthetic(50).id());
        assertThat(changedAfter(0)).hasSize(8).containsOnlyOnce(revised.id());
        Advisory storedRevision = later.stream().filter(a -> a.id().equals(revised.id())).findFirst().orElseThrow();
        assertThat(storedRevision.title()).isEqualTo("改訂されたタイトル");
        assertThat(storedRevision.revision()).isEqualTo(2);
    }

    @Test
    void markChangedMovesAdvisoriesPastTheWatermarkWithoutTouchingTheirContent() {
        repo.upsertAll(IntStream.range(0, 4).mapToObj(TestAdvisories::synthetic).toList(), T1);
        long watermark = repo.lastChange();
        Advisory before = repo.find(synthetic(1).id()).orElseThrow();

        repo.markChanged(List.of(synthetic(1).id(), synthetic(3).id(), "JVNDB-UNKNOWN"));

        assertThat(repo.lastChange()).isEqualTo(watermark + 2);
        assertThat(changedAfter(watermark)).containsExactlyInAnyOrder(synthetic(1).id(), synthetic(3).id());
        assertThat(repo.find(synthetic(1).id())).contains(before);
        assertThat(repo.revisionHistory(synthetic(1).id())).hasSize(1);
    }
}
