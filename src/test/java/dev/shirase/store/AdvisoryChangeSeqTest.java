package dev.shirase.store;

import static dev.shirase.store.TestAdvisories.synthetic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store watermark the search index records: change numbers per advisory write, and reading what came after. */
class AdvisoryChangeSeqTest {

    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");

    private Database db;
    private AdvisoryRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("change-seq-" + UUID.randomUUID());
        repo = new AdvisoryRepository(db, 3); // small pages: the stream must page
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> changedAfter(long watermark) {
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        int n = repo.forEachChangedAfter(watermark, page -> {
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
        Advisory revised = TestAdvisories.withIds(synthetic(2).id(), "jvndb", "改訂されたタイトル", "CVE-2025-00002");
        repo.upsertAll(List.of(revised, synthetic(50)), T2);
        assertThat(repo.lastChange()).isGreaterThan(afterFirst);
        List<Advisory> later = new ArrayList<>();
        repo.forEachChangedAfter(afterFirst, later::addAll);
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
