package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes: update, delete, rebuild, reopen from disk, commit visibility. */
class AdvisoryIndexTest {

    static final Clock CLOCK = AdvisorySearchTest.CLOCK;

    AdvisoryIndex index;

    @BeforeEach
    void setUp() {
        index = AdvisoryIndex.inMemory(CLOCK);
        AdvisorySearchTest.indexFixtures(index);
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    static List<String> ids(SearchResults results) {
        return AdvisorySearchTest.ids(results);
    }

    SearchResults search(String text) {
        return index.search(SearchQuery.of(text).withPage(0, 100));
    }

    @Test
    void updateReplacesAndDeleteRemoves() {
        int before = index.count();
        Advisory updated = AdvisoryFixtures.advisory("JVN#91153973", "jvn", "https://jvn.jp/jp/JVN91153973/",
                "Movable Typeにおける複数の脆弱性（更新）", "更新された説明", "2026-10-07T14:00:00+09:00",
                Category.VULNERABILITY, List.of(), List.of(), Set.of());
        index.index(updated, List.of(), List.of());
        index.commit();
        assertThat(index.count()).isEqualTo(before);
        assertThat(search("Movable").hits()).singleElement()
                .satisfies(h -> assertThat(h.title()).endsWith("（更新）"));

        index.delete("JVN#91153973");
        index.commit();
        assertThat(index.count()).isEqualTo(before - 1);
        assertThat(search("Movable").total()).isZero();
        assertThat(search("JVN#91153973").total()).isZero();
    }

    @Test
    void reindexGivesIdenticalResults() {
        List<SearchQuery> queries = List.of(SearchQuery.of("脆弱性").withPage(0, 100), SearchQuery.of("CISA ICS"),
                SearchQuery.of("Apache"), SearchQuery.of("認証"), SearchQuery.all().withPage(0, 100),
                SearchQuery.of("複数の脆弱性").withSort(SortOrder.DATE), SearchQuery.of("jvnvu#94062711"),
                SearchQuery.of("Weekly Report"), SearchQuery.of("注意喚起"));
        List<List<String>> before = queries.stream().map(q -> ids(index.search(q))).toList();
        List<List<Float>> scoresBefore = queries.stream()
                .map(q -> index.search(q).hits().stream().map(SearchHit::score).toList()).toList();

        index.deleteAll();
        index.commit();
        assertThat(index.count()).isZero();
        AdvisorySearchTest.indexFixtures(index);

        assertThat(queries.stream().map(q -> ids(index.search(q))).toList()).isEqualTo(before);
        assertThat(queries.stream().map(q -> index.search(q).hits().stream().map(SearchHit::score).toList()).toList())
                .isEqualTo(scoresBefore);
        assertThat(before.get(0)).hasSizeGreaterThan(20);
    }

    @Test
    void reopensFromDisk(@TempDir Path dir) {
        List<String> expected;
        try (AdvisoryIndex disk = AdvisoryIndex.open(dir, CLOCK)) {
            AdvisorySearchTest.indexFixtures(disk);
            expected = ids(disk.search(SearchQuery.of("脆弱性").withPage(0, 100)));
        }
        try (AdvisoryIndex reopened = AdvisoryIndex.open(dir, CLOCK)) {
            assertThat(reopened.count()).isEqualTo(AdvisoryFixtures.real().size() + 2);
            assertThat(ids(reopened.search(SearchQuery.of("脆弱性").withPage(0, 100)))).isEqualTo(expected);
            assertThat(ids(reopened.search(SearchQuery.of("cve-2026-106302")))).first().isEqualTo("JVNDB-2026-037242");
        }
    }

    @Test
    void anIndexOfAnOlderFormatOpensEmptyAndAsksForARebuild(@TempDir Path dir) throws Exception {
        // An index as the previous version wrote it: documents, and no format in the commit data.
        try (var writer = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(dir),
                new org.apache.lucene.index.IndexWriterConfig(AdvisoryAnalyzers.create()))) {
            writer.addDocument(AdvisoryDocuments.toDocument(IndexEntry.of(AdvisoryFixtures.real().get(0), List.of(),
                    List.of())));
            writer.commit();
        }
        try (AdvisoryIndex old = AdvisoryIndex.open(dir, CLOCK)) {
            assertThat(old.rebuildRequired()).isTrue();
            assertThat(old.count()).isZero();
            AdvisoryFixtures.real().forEach(a -> old.index(a, List.of(), List.of()));
            old.commit();
        }
        try (AdvisoryIndex rebuilt = AdvisoryIndex.open(dir, CLOCK)) {
            assertThat(rebuilt.rebuildRequired()).isFalse();
            assertThat(rebuilt.count()).isEqualTo(AdvisoryFixtures.real().size());
        }
    }

    @Test
    void uncommittedChangesAreInvisibleUntilCommit() {
        int before = index.count();
        index.index(AdvisoryFixtures.advisory("JVN#00000099", "jvn", "", "未コミットの項目", "", "2026-10-01T00:00:00+09:00",
                Category.VULNERABILITY, List.of(), List.of(), Set.of()), List.of(), List.of());
        assertThat(index.count()).isEqualTo(before);
        index.commit();
        assertThat(index.count()).isEqualTo(before + 1);
    }

    @Test
    void searchersRunConcurrentlyWithOneWriter() throws Exception {
        int before = index.count();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    long seen = 0;
                    for (int i = 0; i < 20; i++) {
                        SearchResults results = index.search(SearchQuery.of(i % 2 == 0 ? "脆弱性" : "CVE-2026-106302"));
                        assertThat(results.total()).isGreaterThan(0);
                        seen += results.hits().size();
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < 30; i++) {
                index.index(AdvisoryFixtures.advisory("JVN#100000" + String.format("%02d", i), "jvn", "",
                        "並行書き込みの脆弱性 " + i, "", "2026-09-01T00:00:00+09:00", Category.VULNERABILITY,
                        List.of(), List.of(), Set.of()), List.of(), List.of());
                if (i % 10 == 9) {
                    index.commit();
                }
            }
            for (var reader : readers) {
                assertThat(reader.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.count()).isEqualTo(before + 30);
        assertThat(search("並行書き込み").total()).isEqualTo(30);
    }
}
