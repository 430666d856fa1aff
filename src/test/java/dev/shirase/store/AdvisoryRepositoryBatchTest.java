package dev.shirase.store;

import static dev.shirase.store.TestAdvisories.rich;
import static dev.shirase.store.TestAdvisories.synthetic;
import static dev.shirase.store.TestAdvisories.withIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.EpssScore;
import dev.shirase.store.UpsertOutcome.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch forms used by ingest: upsert returning the stored form, and correlation of many ids at once. */
class AdvisoryRepositoryBatchTest {

    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");

    private Database db;
    private AdvisoryRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("advisories-batch-" + UUID.randomUUID());
        repo = new AdvisoryRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void upsertAllStoredReturnsExactlyWhatFindAllReads() {
        new EnrichmentRepository(db).upsertEpss(List.of(
                new EpssScore("CVE-2026-106302", 0.93, 0.99, LocalDate.of(2026, 1, 10))));
        List<Advisory> first = List.of(rich(), synthetic(1), synthetic(2));
        UpsertBatch stored = repo.upsertAllStored(first, T1);

        assertThat(stored.outcomes()).extracting(UpsertOutcome::kind).containsExactly(Kind.NEW, Kind.NEW, Kind.NEW);
        assertThat(stored.changed()).isEqualTo(repo.findAll(List.of(rich().id(), synthetic(1).id(), synthetic(2).id())));
        assertThat(stored.changed().get(0).epss().orElseThrow().score()).isEqualTo(0.93);
        assertThat(stored.changed().get(0).revision()).isEqualTo(1);

        // Same id twice, another source, one unchanged: one stored form per changed id, the last content wins.
        Advisory retitled = withIds(synthetic(1).id(), "jvn", "new title", "CVE-2025-00001");
        Advisory again = withIds(synthetic(1).id(), "jvn", "newer title", "CVE-2025-00001");
        UpsertBatch second = repo.upsertAllStored(List.of(retitled, synthetic(2), again), T2);
        assertThat(second.outcomes()).extracting(UpsertOutcome::kind)
                .containsExactly(Kind.UPDATED, Kind.UNCHANGED, Kind.UPDATED);
        assertThat(second.changed()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("newer title");
            assertThat(a.source()).isEqualTo("jvndb");
            assertThat(a.revision()).isEqualTo(3);
        });
        assertThat(second.changed()).isEqualTo(repo.findAll(List.of(synthetic(1).id())));
    }

    @Test
    void relatedIdsAllEqualsRelatedIdsOneByOne() {
        List<Advisory> batch = new ArrayList<>(List.of(
                withIds("JVNDB-2026-001234", "jvndb", "JVN iPedia entry", "JVNDB-2026-001234", "CVE-2026-2000",
                        "JVNVU#12345678"),
                withIds("JVNVU#12345678", "jvn", "JVN entry", "JVNVU#12345678"),
                withIds("JPCERT-AT-2026-0004", "jpcert", "注意喚起", "CVE-2026-2000", "CVE-2026-2001"),
                withIds("JVNDB-2026-009999", "jvndb", "unrelated", "CVE-2026-9999"),
                withIds("JVNDB-2026-008888", "jvndb", "no identifiers")));
        String[] cves = IntStream.range(0, 40).mapToObj(i -> String.format("CVE-2026-3%03d", i)).toArray(String[]::new);
        batch.add(withIds("JPCERT-AT-2026-0010", "jpcert", "月例", cves));
        for (int i = 0; i < 40; i++) {
            batch.add(withIds(String.format("JVNDB-2026-01%04d", i), "jvndb", "entry " + i, cves[i], "CVE-2026-7777"));
        }
        repo.upsertAll(batch, T1);

        List<String> ids = new ArrayList<>(batch.stream().map(Advisory::id).toList());
        ids.add("NO-SUCH-ID");
        Map<String, Set<String>> all = repo.relatedIdsAll(ids);

        assertThat(all.keySet()).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(all.get(id)).as(id).isEqualTo(repo.relatedIds(id));
        }
        assertThat(all.get("JVNVU#12345678")).containsExactlyInAnyOrder("JVNDB-2026-001234", "JPCERT-AT-2026-0004");
        assertThat(all.get("JVNDB-2026-009999")).isEmpty();
        assertThat(all.get("JPCERT-AT-2026-0010")).hasSize(40);
        assertThat(repo.relatedIdsAll(List.of())).isEmpty();
        // The same answers from the advisories at hand, without reading their identifier rows.
        assertThat(repo.relatedIdsOf(repo.findAll(batch.stream().map(Advisory::id).toList())))
                .isEqualTo(all.entrySet().stream().filter(e -> !e.getKey().equals("NO-SUCH-ID"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(repo.relatedIdsOf(List.of())).isEmpty();
    }
}
