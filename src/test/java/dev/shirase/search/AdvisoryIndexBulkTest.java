package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk writes on the worker threads, and searches without facet counting. */
class AdvisoryIndexBulkTest {

    private static final List<SearchQuery> QUERIES = List.of(SearchQuery.of("脆弱性").withPage(0, 100),
            SearchQuery.of("認証"), SearchQuery.of("Apache"), SearchQuery.of("ＣＨＲＯＭＥ"),
            SearchQuery.all().withPage(0, 100), SearchQuery.of("複数の脆弱性").withSort(SortOrder.DATE),
            SearchQuery.of("jvnvu#94062711"), SearchQuery.of("並列 製品"));

    private AdvisoryIndex sequential;
    private AdvisoryIndex parallel;

    @BeforeEach
    void setUp() {
        sequential = AdvisoryIndex.inMemory(AdvisorySearchTest.CLOCK);
        parallel = AdvisoryIndex.inMemory(AdvisorySearchTest.CLOCK);
    }

    @AfterEach
    void tearDown() {
        sequential.close();
        parallel.close();
    }

    /** The fixtures plus enough generated advisories that a batch is split across worker threads. */
    private static List<IndexEntry> entries() {
        List<IndexEntry> entries = new ArrayList<>();
        for (Advisory a : AdvisoryFixtures.real()) {
            entries.add(IndexEntry.of(a, a.id().equals("JVNVU#94648869") ? List.of("JVNDB-2026-036911") : List.of(),
                    a.id().equals("JVNDB-2026-036911") ? Set.of("該当") : Set.of()));
        }
        for (int i = 0; i < 40; i++) {
            entries.add(IndexEntry.of(AdvisoryFixtures.advisory(String.format("JVN#2000%04d", i), "jvn", "",
                    "並列に書く製品 " + i + " の認証不備", "説明 " + i, String.format("2026-0%d-1%dT09:00:00+09:00",
                            1 + i % 9, i % 10), Category.VULNERABILITY, List.of(), List.of(), Set.of())));
        }
        return entries;
    }

    @Test
    void indexAllOnWorkerThreadsGivesTheSameResultsAsOneByOne() {
        List<IndexEntry> entries = entries();
        entries.forEach(sequential::index);
        sequential.commit();
        parallel.indexAllAsync(entries.subList(0, 40)).join();
        parallel.indexAll(entries.subList(40, entries.size()));
        parallel.commit();

        assertThat(parallel.count()).isEqualTo(entries.size()).isEqualTo(sequential.count());
        assertThat(parallel.ids()).isEqualTo(sequential.ids());
        for (SearchQuery q : QUERIES) {
            SearchResults expected = sequential.search(q);
            SearchResults actual = parallel.search(q);
            assertThat(actual.total()).as(q.text()).isEqualTo(expected.total());
            assertThat(actual.hits()).as(q.text()).isEqualTo(expected.hits());
            assertThat(actual.facets()).as(q.text()).isEqualTo(expected.facets());
        }
        assertThat(parallel.search(SearchQuery.of("並列 製品")).total()).isEqualTo(40);
        assertThat(parallel.indexingCpuNanos()).isPositive();
    }

    @Test
    void withoutFacetsTheHitsAndTotalAreTheSameAndNoFacetsAreCounted() {
        parallel.indexAll(entries());
        parallel.commit();
        for (SearchQuery q : QUERIES) {
            assertThat(q.facets()).isTrue();
            SearchResults withFacets = parallel.search(q);
            SearchResults without = parallel.search(q.withFacets(false));
            assertThat(without.total()).as(q.text()).isEqualTo(withFacets.total());
            assertThat(without.hits()).as(q.text()).isEqualTo(withFacets.hits());
            assertThat(without.facets()).as(q.text()).isEmpty();
            assertThat(withFacets.facets()).as(q.text()).containsKeys("source", "severity", "year");
        }
        SearchQuery plain = SearchQuery.of("認証").withFacets(false).withSort(SortOrder.DATE).withPage(5, 10);
        assertThat(plain.facets()).isFalse();
        assertThat(plain.sort()).isEqualTo(SortOrder.DATE);
        assertThat(parallel.search(plain).facets()).isEmpty();
    }
}
