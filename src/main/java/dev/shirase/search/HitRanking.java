package dev.shirase.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Finds one page of hits, in date order or by relevance with the recency boost, without scoring every hit of a
 * broad query.
 *
 * <p>The recency boost multiplies each text score by a function of the date, which Lucene cannot use to skip
 * documents: scoring it exactly means scoring every hit (over 100 ms for a word that is in all 200,000 advisories).
 * So up to {@link #EXACT_LIMIT} hits (by default) every hit is scored; above that, the best {@link #RESCORE_WINDOW}
 * by text score alone are found with block-max WAND (which skips what cannot compete) and boosted. Any other hit
 * scores at most the N-th text score times its own boost, and the boost only falls with age: so only the hits
 * recent enough for that bound to reach the page are scored too, found newest first through {@link DateOrder}. The
 * page is the same as scoring every hit. When text scores differ about as much as the boosts do (a word found in
 * nearly every advisory, where only document length moves the score), thousands of recent hits could compete: the
 * search then stops after {@link #MAX_CONTENDERS} of them, and the page is the best of those and the text top N, a
 * near-exact order of near-equal hits, rather than scoring all 200,000 (over 100 ms). Ties are broken by advisory
 * id, as always.
 */
final class HitRanking {

    /** Hit counts up to which every hit is scored exactly (by default). */
    static final int EXACT_LIMIT = 2_000;
    /** Candidates by text score that are rescored for a broad query (at least; twice the page window if more). */
    static final int RESCORE_WINDOW = 100;
    /** Recent hits scored besides them, at most (by default). */
    static final int MAX_CONTENDERS = 64;
    private static final int CONTENDER_BATCH = 64;
    private static final long SECONDS_PER_DAY = 86_400;

    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexFields.ID_SORT, SortField.Type.STRING));

    private final int exactLimit;
    private final int maxContenders;
    private final DateOrder order;

    /**
     * Scores every hit up to {@code exactLimit} hits, and at most {@code maxContenders} recent ones besides the
     * text top N above; {@code order} is the index's kept date order.
     */
    HitRanking(int exactLimit, int maxContenders, DateOrder order) {
        this.exactLimit = exactLimit;
        this.maxContenders = maxContenders;
        this.order = order;
    }

    /** The page in date order (newest first), without scores. */
    ScoreDoc[] newest(HitSet hits, int offset, int limit) throws IOException {
        return slice(hits.newest(offset + limit, order), offset, offset + limit);
    }

    /** The page in date order, each hit with its relevance score from {@code scoring}. */
    ScoreDoc[] newestScored(IndexSearcher searcher, HitSet hits, Query scoring, int offset, int limit)
            throws IOException {
        ScoreDoc[] page = newest(hits, offset, limit);
        if (page.length > 0) {
            TopFieldCollector.populateScores(page, searcher, scoring);
        }
        return page;
    }

    /**
     * The page by relevance. {@code query} finds the {@code hits} and gives the text score; {@code scoring} is the
     * same query with the {@code recency} boost.
     */
    ScoreDoc[] mostRelevant(IndexSearcher searcher, Query query, Query scoring, RecencyBoost recency, HitSet hits,
                            int offset, int limit) throws IOException {
        int window = offset + limit;
        if (hits.total() > exactLimit) {
            Optional<Rescored> ranked = rescored(searcher, query, scoring, recency, hits, window);
            if (ranked.isPresent()) {
                return slice(ranked.get().best(), offset, window);
            }
        }
        TopDocs docs = searcher.search(scoring, new TopFieldCollectorManager(BY_RELEVANCE, window, null,
                Integer.MAX_VALUE));
        ScoreDoc[] page = slice(docs.scoreDocs, offset, window);
        for (ScoreDoc sd : page) {
            // With a field sort the collector leaves ScoreDoc.score unset; the score is the first sort value.
            sd.score = (Float) ((FieldDoc) sd).fields[0];
        }
        return page;
    }

    /**
     * The best hits of a rescore window, best first; {@code proven} when every hit left out scores less than the
     * last of them (false only when the contender limit cut the search short).
     */
    record Rescored(ScoreDoc[] best, boolean proven) {
    }

    /**
     * The best {@code window} hits from the text top N and the recent contenders, or empty when the hits are fewer
     * than N (then scoring them all is as cheap).
     */
    Optional<Rescored> rescored(IndexSearcher searcher, Query query, Query scoring, RecencyBoost recency, HitSet hits,
                                int window) throws IOException {
        int n = Math.max(RESCORE_WINDOW, 2 * window);
        TopDocs byText = searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
        if (byText.scoreDocs.length < n) {
            return Optional.empty();
        }
        Map<Integer, ScoreDoc> pool = new LinkedHashMap<>();
        for (ScoreDoc sd : byText.scoreDocs) {
            pool.put(sd.doc, new ScoreDoc(sd.doc, sd.score));
        }
        boostByRecency(searcher, pool.values(), recency);
        float nthText = byText.scoreDocs[n - 1].score;
        boolean proven = addRecentContenders(searcher, hits, recency, nthText, window, pool, scoring);
        ScoreDoc[] ranked = pool.values().toArray(ScoreDoc[]::new);
        Arrays.sort(ranked, Comparator.comparingDouble((ScoreDoc sd) -> -sd.score));
        breakTiesById(searcher, ranked);
        return Optional.of(new Rescored(Arrays.copyOf(ranked, Math.min(window, ranked.length)), proven));
    }

    /**
     * Adds to the pool, with their exact scores, the hits outside it that could still reach the page: a hit outside
     * the text top N scores at most {@code nthText} times its boost, so it is a contender only while that beats the
     * page's current last score. The hits are visited newest first across segments, scored a batch at a time (the
     * page's last score rises as good recent hits come in), until even the boost of the date reached cannot get
     * onto the page: the boost only falls with age. Returns false if it stopped early, at the contender limit: then
     * the page is the best of those and the text top N, not proven exact.
     */
    private boolean addRecentContenders(IndexSearcher searcher, HitSet hits, RecencyBoost recency, float nthText,
                                        int window, Map<Integer, ScoreDoc> pool, Query scoring) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        DateOrder.Segment[] segments = new DateOrder.Segment[leaves.size()];
        int[] next = new int[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            segments[leaf.ord] = order.of(leaf.reader());
        }
        float pageLast = nthBest(pool.values(), window);
        List<ScoreDoc> batch = new ArrayList<>();
        int scored = 0;
        while (true) {
            int leaf = newestRemaining(segments, next);
            boolean exhausted = leaf < 0;
            // The local publication day of an instant is at most one day after its UTC day.
            boolean tooOld = !exhausted && (float) (nthText * recency.boost(Math.floorDiv(
                    segments[leaf].dates()[next[leaf]], SECONDS_PER_DAY) + 1)) < pageLast;
            if (exhausted || tooOld || batch.size() == CONTENDER_BATCH) {
                if (!batch.isEmpty()) {
                    scored += batch.size();
                    TopFieldCollector.populateScores(batch.toArray(ScoreDoc[]::new), searcher, scoring);
                    batch.forEach(sd -> pool.put(sd.doc, sd));
                    batch.clear();
                    pageLast = nthBest(pool.values(), window);
                    continue; // the stop test again, with the new page
                }
                if (exhausted || tooOld) {
                    return true;
                }
            }
            if (scored + batch.size() >= maxContenders) {
                return false;
            }
            int position = next[leaf]++;
            int doc = segments[leaf].docs()[position];
            int global = leaves.get(leaf).docBase + doc;
            if (!hits.bits(leaf).get(doc) || pool.containsKey(global)) {
                continue;
            }
            long day = segments[leaf].days()[position];
            double boost = day == Long.MIN_VALUE ? 1.0 : recency.boost(day);
            if ((float) (nthText * boost) >= pageLast) {
                batch.add(new ScoreDoc(global, Float.NaN));
            }
        }
    }

    /** The segment whose next document in date order is the newest, or -1 when all are done. */
    private static int newestRemaining(DateOrder.Segment[] segments, int[] next) {
        int best = -1;
        for (int i = 0; i < segments.length; i++) {
            if (next[i] < segments[i].docs().length
                    && (best < 0 || segments[i].dates()[next[i]] > segments[best].dates()[next[best]])) {
                best = i;
            }
        }
        return best;
    }

    /** The {@code n}-th best score in {@code docs}, or minus infinity when there are fewer. */
    private static float nthBest(Collection<ScoreDoc> docs, int n) {
        float[] scores = new float[docs.size()];
        int i = 0;
        for (ScoreDoc sd : docs) {
            scores[i++] = sd.score;
        }
        Arrays.sort(scores);
        return scores.length >= n ? scores[scores.length - n] : Float.NEGATIVE_INFINITY;
    }

    /** Multiplies text scores by the recency boost, exactly as {@code FunctionScoreQuery.boostByValue} does. */
    private static void boostByRecency(IndexSearcher searcher, Collection<ScoreDoc> docs, RecencyBoost recency)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            DoubleValues boost = recency.getValues(leaf, null);
            sd.score = boost.advanceExact(sd.doc - leaf.docBase) ? (float) (sd.score * boost.doubleValue()) : 0f;
        }
    }

    /** Orders each run of equal scores in {@code ranked} (sorted by score) by advisory id; ids read only for ties. */
    private static void breakTiesById(IndexSearcher searcher, ScoreDoc[] ranked) throws IOException {
        int start = 0;
        while (start < ranked.length) {
            int end = start + 1;
            while (end < ranked.length && ranked[end].score == ranked[start].score) {
                end++;
            }
            if (end - start > 1) {
                ScoreDoc[] tied = Arrays.copyOfRange(ranked, start, end);
                String[] ids = ids(searcher, tied);
                Integer[] byId = new Integer[tied.length];
                Arrays.setAll(byId, i -> i);
                Arrays.sort(byId, Comparator.comparing(i -> ids[i]));
                for (int i = 0; i < tied.length; i++) {
                    ranked[start + i] = tied[byId[i]];
                }
            }
            start = end;
        }
    }

    /** The advisory id of each document, for the deterministic tie-break. */
    private static String[] ids(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] byDoc = new Integer[docs.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
        String[] ids = new String[docs.length];
        int currentLeaf = -1;
        SortedDocValues values = null;
        for (int i : byDoc) {
            int leaf = ReaderUtil.subIndex(docs[i].doc, leaves);
            LeafReaderContext context = leaves.get(leaf);
            if (leaf != currentLeaf) {
                currentLeaf = leaf;
                values = DocValues.getSorted(context.reader(), IndexFields.ID_SORT);
            }
            BytesRef id = values.advanceExact(docs[i].doc - context.docBase) ? values.lookupOrd(values.ordValue())
                    : new BytesRef();
            ids[i] = id.utf8ToString();
        }
        return ids;
    }

    private static ScoreDoc[] slice(ScoreDoc[] docs, int from, int to) {
        return docs.length <= from ? new ScoreDoc[0] : Arrays.copyOfRange(docs, from, Math.min(docs.length, to));
    }
}
