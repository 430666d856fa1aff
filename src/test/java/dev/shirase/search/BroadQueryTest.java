package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Severity;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts for broad queries against the plain, exhaustive way on the same searcher: the rescore window gives
 * the exactly ranked page, the date order gives Lucene's own date sort, and complement counting gives the facets
 * of a document-by-document count, across several segments, with deletions.
 */
class BroadQueryTest {

    private static final String[] VENDORS = {"Google", "Apache Software Foundation", "Fortinet", "サイボウズ", "クアルコム",
            "Microsoft", "WordPress", "Cisco"};
    private static final String[] PRODUCTS = {"Google Chrome", "HTTP Server", "FortiOS", "ガルーン", "Snapdragon",
            "Windows", "プラグイン", "IOS XE"};
    private static final String[] WEAKNESSES = {"クロスサイトスクリプティング", "OS コマンドインジェクション", "認証回避",
            "情報漏えい", "サービス運用妨害 (DoS)", "改ざん", "SQL インジェクション", "境界外書き込み"};
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
    /** Lucene's own sort: published descending, then id. */
    private static final Sort BY_DATE = new Sort(new SortField(IndexFields.PUBLISHED_SECONDS, SortField.Type.LONG, true),
            new SortField(IndexFields.ID_SORT, SortField.Type.STRING));
    private static final long TODAY = LocalDate.of(2026, 10, 10).toEpochDay();

    private final TextQueryParser parser = new TextQueryParser(AdvisoryAnalyzers.create());
    private final RecencyBoost recency = new RecencyBoost(IndexFields.PUBLISHED_DAY, TODAY,
            AdvisoryIndex.RECENCY_WEIGHT, AdvisoryIndex.RECENCY_HALF_LIFE_DAYS);
    private ByteBuffersDirectory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void setUp() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(42);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(AdvisoryAnalyzers.create()))) {
            for (int i = 0; i < 3_600; i++) {
                writer.addDocument(AdvisoryDocuments.toDocument(entry(i, random)));
                if (i % 900 == 899) {
                    writer.commit(); // several segments
                }
            }
            for (int i = 0; i < 3_600; i += 7) {
                // Replaced documents leave deleted ones behind in the older segments.
                writer.updateDocument(new Term(IndexFields.ID, id(i)), AdvisoryDocuments.toDocument(entry(i, random)));
            }
            writer.commit();
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void tearDown() throws IOException {
        reader.close();
        directory.close();
    }

    private static String id(int i) {
        return String.format("JVNDB-2025-%06d", i);
    }

    /** Titles and summaries from a few templates, so that text scores tie often and recency decides. */
    private static IndexEntry entry(int i, Random random) {
        int v = random.nextInt(VENDORS.length);
        String weakness = WEAKNESSES[random.nextInt(WEAKNESSES.length)];
        String title = VENDORS[v] + "の" + PRODUCTS[v] + "における" + weakness + "の脆弱性";
        String summary = PRODUCTS[v] + " " + (1 + random.nextInt(9)) + "." + random.nextInt(20) + "には、" + weakness
                + "の脆弱性が存在します。" + (random.nextInt(4) == 0 ? "細工されたリクエストにより" + weakness + "が可能です。" : "");
        // Whole hours over three years: many advisories share a timestamp, so the id tie-break matters.
        OffsetDateTime published = OffsetDateTime.of(2023, 10, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9))
                .plusHours(random.nextInt(3 * 365 * 4) * 6L);
        Severity severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        Advisory advisory = Advisory.parsed(id(i), i % 3 == 0 ? "jvn" : "jvndb", "https://jvndb.jvn.jp/" + i, title,
                summary, published, published, Category.VULNERABILITY, Set.of(),
                List.of(new Cvss("3.0", 5.0 + severity.ordinal(), severity, "")),
                products(i, v), List.of());
        return IndexEntry.of(advisory, List.of(), i % 5 == 0 ? Set.of("該当") : Set.of());
    }

    /** Every fourth advisory names a second vendor's product too: the vendor facet is multi-valued. */
    private static List<AffectedProduct> products(int i, int v) {
        AffectedProduct own = new AffectedProduct(Optional.empty(), VENDORS[v], PRODUCTS[v], Optional.empty());
        int other = (v + 1) % VENDORS.length;
        return i % 4 == 0 ? List.of(own, new AffectedProduct(Optional.empty(), VENDORS[other], PRODUCTS[other],
                Optional.empty())) : List.of(own);
    }

    @Test
    void broadQueriesRankTheFirstPagesExactlyAsScoringEveryHit() throws IOException {
        for (String text : List.of("脆弱性", "Google Chrome", "クロスサイトスクリプティング", "OS コマンドインジェクション",
                "認証回避 脆弱性")) {
            Query query = parser.parse(text, BigramPhrases.rarestIn(reader));
            Query boosted = FunctionScoreQuery.boostByValue(query, recency);
            HitSet hits = HitSet.of(searcher, query);
            assertThat(hits.total()).as(text).isGreaterThan(HitRanking.RESCORE_WINDOW * 2);
            // No exact limit: every query here takes the rescore window; the contender limit high enough to finish.
            HitRanking ranking = new HitRanking(0, 10_000, new DateOrder());
            for (int window : new int[] {20, 40, 80}) {
                Optional<HitRanking.Rescored> fast = ranking.rescored(searcher, query, boosted, recency, hits, window);
                TopDocs exact = searcher.search(boosted, new TopFieldCollectorManager(HitRanking.BY_RELEVANCE,
                        window, null, Integer.MAX_VALUE));
                assertThat(fast).as("%s: the rescore window is used", text).isPresent();
                assertThat(fast.get().proven()).as("%s: found exactly without the contender limit", text).isTrue();
                assertThat(docs(fast.get().best())).as("%s, first %d", text, window)
                        .containsExactly(docs(exact.scoreDocs));
                // The page of the public entry point is the same slice.
                assertThat(docs(ranking.mostRelevant(searcher, query, boosted, recency, hits, window - 20, 20)))
                        .containsExactly(Arrays.copyOfRange(docs(exact.scoreDocs), window - 20, window));
            }
        }
    }

    @Test
    void atTheContenderLimitThePageIsTheBestOfWhatWasScoredWithExactScores() throws IOException {
        Query query = parser.parse("脆弱性", BigramPhrases.rarestIn(reader));
        Query boosted = FunctionScoreQuery.boostByValue(query, recency);
        HitSet hits = HitSet.of(searcher, query);
        HitRanking.Rescored cut = new HitRanking(0, 5, new DateOrder())
                .rescored(searcher, query, boosted, recency, hits, 20).orElseThrow();
        assertThat(cut.proven()).isFalse();
        ScoreDoc[] best = cut.best();
        assertThat(best).hasSize(20);
        ScoreDoc[] rescoredExactly = Arrays.stream(best).map(sd -> new ScoreDoc(sd.doc, Float.NaN))
                .toArray(ScoreDoc[]::new);
        org.apache.lucene.search.TopFieldCollector.populateScores(rescoredExactly, searcher, boosted);
        for (int i = 0; i < best.length; i++) {
            assertThat(best[i].score).isEqualTo(rescoredExactly[i].score);
            if (i > 0) {
                assertThat(best[i].score).isLessThanOrEqualTo(best[i - 1].score);
            }
        }
    }

    @Test
    void newestHitsFollowLuceneDateSortIncludingTiesById() throws IOException {
        DateOrder order = new DateOrder();
        for (String text : List.of("脆弱性", "FortiOS", "改ざん")) {
            Query query = parser.parse(text, BigramPhrases.rarestIn(reader));
            HitSet hits = HitSet.of(searcher, query);
            TopDocs sorted = searcher.search(query, new TopFieldCollectorManager(BY_DATE, 300, null,
                    Integer.MAX_VALUE));
            assertThat(docs(hits.newest(300, order))).as(text)
                    .containsExactly(Arrays.stream(sorted.scoreDocs).mapToInt(sd -> sd.doc).toArray());
        }
        assertThat(order.cachedSegments()).isEqualTo(reader.leaves().size());
    }

    @Test
    void facetCountsOfBroadAndNarrowQueriesEqualCountingEveryDocument() throws IOException {
        FacetCounter counter = new FacetCounter(SearchResults.FACET_DIMENSIONS);
        for (String text : List.of("脆弱性", "Google Chrome", "改ざん", "サイボウズ")) {
            HitSet hits = HitSet.of(searcher, parser.parse(text, BigramPhrases.rarestIn(reader)));
            assertThat(counter.count(hits)).as(text).isEqualTo(countOneByOne(hits));
        }
        // The broad query used the complement: every segment's full counts were computed once and kept.
        assertThat(counter.cachedSegments()).isEqualTo(reader.leaves().size());
        HitSet all = HitSet.of(searcher, parser.parse("脆弱性", BigramPhrases.rarestIn(reader)));
        assertThat(all.total()).isEqualTo(reader.numDocs());
        assertThat(counter.count(all).get("verdict")).containsEntry("該当", 720L);
        // A quarter of the advisories count for two vendors.
        assertThat(counter.count(all).get("vendor").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(all.total() + (3_600 + 3) / 4);
    }

    private static int[] docs(ScoreDoc[] docs) {
        return Arrays.stream(docs).mapToInt(sd -> sd.doc).toArray();
    }

    /** The reference: every matching live document, every value, one at a time. */
    private Map<String, Map<String, Long>> countOneByOne(HitSet hits) throws IOException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dimension : SearchResults.FACET_DIMENSIONS) {
            Map<String, Long> values = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), IndexFields.facetField(dimension));
                Bits live = leaf.reader().getLiveDocs();
                FixedBitSet matched = hits.bits(leaf.ord);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && matched.get(doc) && dv.advanceExact(doc)) {
                        for (int k = 0; k < dv.docValueCount(); k++) {
                            values.merge(dv.lookupOrd(dv.nextOrd()).utf8ToString(), 1L, Long::sum);
                        }
                    }
                }
            }
            counts.put(dimension, values);
        }
        return counts;
    }
}
