package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.KevEntry;
import dev.shirase.bench.JvndbFeedGenerator;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.JvndbParser;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index durability model on a real store and an on-disk index: ingests are searchable at once, committed only
 * when due, and a crash that loses the uncommitted part is caught up from the store.
 */
class IndexDurabilityTest {

    private static final Instant T1 = Instant.parse("2026-10-09T00:00:00Z");
    /** No commit falls due by itself during a test. */
    private static final CommitPolicy ONLY_WHEN_ASKED = new CommitPolicy(Duration.ofDays(1), Integer.MAX_VALUE);

    @TempDir
    Path dir;
    private Database db;
    private AdvisoryRepository advisories;
    private AdvisoryIndex index;

    @BeforeEach
    void open() {
        db = Database.inMemory("durability-" + UUID.randomUUID());
        advisories = new AdvisoryRepository(db);
        index = AdvisoryIndex.open(dir);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private Ingestor ingestor(CommitPolicy policy) {
        return new Ingestor(advisories, new EnrichmentRepository(db), index, ArchiveListener.NONE, policy);
    }

    private static ParsedFeed generated(int first, int count) throws Exception {
        return new JvndbParser().parse(new ByteArrayInputStream(new JvndbFeedGenerator().page(first, count)),
                "application/rdf+xml", new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"),
                        null, true));
    }

    private Optional<SearchHit> hit(String id) {
        return index.search(SearchQuery.of(id)).hits().stream().filter(h -> h.id().equals(id)).findFirst();
    }

    private static List<String> ids(ParsedFeed feed) {
        return feed.advisories().stream().map(Advisory::id).toList();
    }

    @Test
    void anIngestIsSearchableAtOnceAndDurableOnlyWhenCommitted() throws Exception {
        Ingestor ingestor = ingestor(ONLY_WHEN_ASKED);
        ParsedFeed feed = generated(0, 40);

        ingestor.ingest(feed, T1);

        assertThat(index.count()).isEqualTo(40);
        assertThat(index.ids()).containsExactlyInAnyOrderElementsOf(ids(feed));
        assertThat(hit(ids(feed).get(17))).isPresent();
        assertThat(index.hasUncommittedChanges()).isTrue();
        assertThat(index.committedWatermark()).isZero();
        assertThat(ingestor.stageTimes().wallNanos(StageTimes.Stage.REFRESH)).isPositive();
        assertThat(ingestor.stageTimes().wallNanos(StageTimes.Stage.COMMIT)).isZero();

        ingestor.commit();

        assertThat(index.hasUncommittedChanges()).isFalse();
        assertThat(index.committedWatermark()).isEqualTo(advisories.lastChange()).isPositive();

        // An unchanged re-fetch changes nothing, not even the watermark.
        long watermark = advisories.lastChange();
        ingestor.ingest(feed, T1.plusSeconds(60));
        assertThat(index.hasUncommittedChanges()).isFalse();
        assertThat(advisories.lastChange()).isEqualTo(watermark);
    }

    @Test
    void anIngestCommitsByItselfOnceEnoughChangesAreDue() throws Exception {
        Ingestor ingestor = ingestor(new CommitPolicy(Duration.ofDays(1), 50));

        ingestor.ingest(generated(0, 30), T1);
        assertThat(index.committedWatermark()).isZero();

        ingestor.ingest(generated(30, 30), T1);
        ingestor.awaitCommit(); // the commit runs in the background
        assertThat(index.hasUncommittedChanges()).isFalse();
        assertThat(index.committedWatermark()).isEqualTo(advisories.lastChange()).isPositive();
        assertThat(ingestor.stageTimes().wallNanos(StageTimes.Stage.COMMIT)).isPositive();
    }

    /**
     * A background commit runs while the next feed is stored and indexed; a crash then leaves a committed watermark
     * whose advisories are all in the committed index (the rest the store gives back).
     */
    @Test
    void aBackgroundCommitNeverRecordsAWatermarkPastWhatItHolds() throws Exception {
        // A commit after each large feed (which takes a while), none after the one-item feed that follows it.
        Ingestor ingestor = ingestor(new CommitPolicy(Duration.ofDays(1), 1000));
        List<ParsedFeed> feeds = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            feeds.add(generated(round * 1001, 1000));
            feeds.add(generated(round * 1001 + 1000, 1));
        }
        List<String> all = new ArrayList<>();
        for (ParsedFeed feed : feeds) {
            all.addAll(ids(feed));
            ingestor.ingest(feed, T1);
        }
        index.closeWithoutCommit(); // the crash, perhaps while the last commit is still writing
        index = AdvisoryIndex.open(dir);

        long watermark = index.committedWatermark();
        Set<String> changedAfter = new HashSet<>();
        advisories.forEachChangedAfter(watermark, changed -> changed.forEach(a -> changedAfter.add(a.id())));
        assertThat(watermark).isPositive();
        assertThat(index.ids()).containsAll(all.stream().filter(id -> !changedAfter.contains(id)).toList());

        ingestor(ONLY_WHEN_ASKED).catchUp();
        assertThat(index.ids()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aCrashLosesOnlyWhatTheStoreGivesBack() throws Exception {
        ParsedFeed committed = generated(0, 60);
        Ingestor ingestor = ingestor(ONLY_WHEN_ASKED);
        ingestor.ingest(committed, T1);
        ingestor.commit();
        long committedWatermark = index.committedWatermark();

        // After the commit: new advisories, one that joins the threat of a committed one, and KEV for another.
        ParsedFeed later = generated(60, 25);
        Advisory target = committed.advisories().stream().filter(a -> !a.cves().isEmpty()).findFirst().orElseThrow();
        Advisory kevTarget = committed.advisories().stream().filter(a -> !a.cves().isEmpty())
                .filter(a -> !a.id().equals(target.id())).findFirst().orElseThrow();
        OffsetDateTime at = OffsetDateTime.parse("2026-10-08T20:00:00+09:00");
        Advisory jvn = Advisory.parsed("JVNVU#99999999", "jvn", "https://jvn.jp/vu/JVNVU99999999/",
                "関連する注意喚起", "", at, at, Category.VULNERABILITY,
                Set.of(Identifier.of(IdentifierType.JVNVU, "JVNVU#99999999"),
                        Identifier.of(IdentifierType.CVE, target.cves().get(0))), List.of(), List.of(), List.of());
        KevEntry kev = new KevEntry(kevTarget.cves().get(0), "Vendor", "Product", "Name", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 22), false, "Apply updates.");
        ingestor.ingest(later, T1.plusSeconds(60));
        ingestor.ingest(ParsedFeed.ofAdvisories(List.of(jvn)), T1.plusSeconds(120));
        ingestor.ingest(new ParsedFeed(List.of(), List.of(kev), List.of(), 0), T1.plusSeconds(180));

        // Searchable at once (near-real-time), but not committed.
        assertThat(index.count()).isEqualTo(86);
        assertThat(hit(target.id()).orElseThrow().related()).containsExactly(jvn.id());
        assertThat(hit(kevTarget.id()).orElseThrow().kev()).isTrue();
        assertThat(index.hasUncommittedChanges()).isTrue();
        assertThat(index.committedWatermark()).isEqualTo(committedWatermark);

        // The crash: the index keeps only its last commit.
        index.closeWithoutCommit();
        index = AdvisoryIndex.open(dir);
        assertThat(index.count()).isEqualTo(60);
        assertThat(hit(later.advisories().get(3).id())).isEmpty();
        assertThat(hit(target.id()).orElseThrow().related()).isEmpty();
        assertThat(hit(kevTarget.id()).orElseThrow().kev()).isFalse();

        Ingestor afterCrash = ingestor(ONLY_WHEN_ASKED);
        int caughtUp = afterCrash.catchUp();

        assertThat(caughtUp).isEqualTo(25 + 1 + 1);
        assertThat(index.ids()).hasSize(86).containsAll(ids(committed)).containsAll(ids(later)).contains(jvn.id());
        assertThat(hit(later.advisories().get(3).id())).isPresent();
        assertThat(hit(target.id()).orElseThrow().related()).containsExactly(jvn.id());
        assertThat(hit(jvn.id()).orElseThrow().related()).containsExactly(target.id());
        assertThat(hit(kevTarget.id()).orElseThrow().kev()).isTrue();
        // Caught up durably: nothing left to do, even after another crash.
        assertThat(index.committedWatermark()).isEqualTo(advisories.lastChange());
        assertThat(afterCrash.catchUp()).isZero();
    }

    @Test
    void theFirstIngestAfterACrashCatchesUpByItself() throws Exception {
        Ingestor ingestor = ingestor(ONLY_WHEN_ASKED);
        ingestor.ingest(generated(0, 20), T1);
        ingestor.commit();
        ParsedFeed lost = generated(20, 20);
        ingestor.ingest(lost, T1);
        index.closeWithoutCommit();
        index = AdvisoryIndex.open(dir);
        assertThat(index.count()).isEqualTo(20);

        ParsedFeed next = generated(40, 5);
        ingestor(ONLY_WHEN_ASKED).ingest(next, T1.plusSeconds(60));

        assertThat(index.ids()).hasSize(45).containsAll(ids(lost)).containsAll(ids(next));
    }
}
