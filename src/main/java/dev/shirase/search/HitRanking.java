package dev.shirase.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * So up to {@link #EXACT_LIMIT} hits are scored exactly; above that, the candidates are the best
 * {@link #RESCORE_WINDOW} by text score alone (found with block-max WAND, which skips what cannot compete) together
 * with the newest {@link #DATE_CANDIDATES} hits, and only they get the full score. A hit in neither group is older
 * than the newest candidates and scores less on text than every text candidate, so it could only reach the page
 * when the recency boost separates hits a few days apart by more than the text scores differ: a rare, small
 * reordering accepted for speed. Ties are broken by advisory id, as always.
 */
final class HitRanking {

    /** Hit counts up to which every hit is scored exactly. */
    static final int EXACT_LIMIT = 2_000;
    /** Candidates by text score that are rescored for a broad query (at least; twice the page window if more). */
    static final int RESCORE_WINDOW = 100;
    /** Newest hits considered besides them (at least; twice the page window if more). */
    static final int DATE_CANDIDATES = 40;

    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexFields.ID_SORT, SortField.Type.STRING));

    private HitRanking() {
    }

    /** The page in date order (newest first), without scores. */
    static ScoreDoc[] newest(HitSet hits, DateOrder order, int offset, int limit) throws IOException {
        return slice(hits.newest(offset + limit, order), offset, offset + limit);
    }

    /** The page in date order, each hit with its relevance score from {@code scoring}. */
    static ScoreDoc[] newestScored(IndexSearcher searcher, HitSet hits, DateOrder order, Query scoring, int offset,
                                   int limit) throws IOException {
        ScoreDoc[] page = newest(hits, order, offset, limit);
        if (page.length > 0) {
            TopFieldCollector.populateScores(page, searcher, scoring);
        }
        return page;
    }

    /**
     * The page by relevance. {@code query} finds the {@code hits} and gives the text score; {@code scoring} is the
     * same query with the {@code recency} boost.
     */
    static ScoreDoc[] mostRelevant(IndexSearcher searcher, Query query, Query scoring, RecencyBoost recency,
                                   HitSet hits, DateOrder order, int offset, int limit) throws IOException {
        int window = offset + limit;
        if (hits.total() <= EXACT_LIMIT) {
            TopDocs docs = searcher.search(scoring, new TopFieldCollectorManager(BY_RELEVANCE, window, null,
                    Integer.MAX_VALUE));
            ScoreDoc[] page = slice(docs.scoreDocs, offset, window);
            for (ScoreDoc sd : page) {
                // With a field sort the collector leaves ScoreDoc.score unset; the score is the first sort value.
                sd.score = (Float) ((FieldDoc) sd).fields[0];
            }
            return page;
        }
        int textCandidates = Math.max(RESCORE_WINDOW, 2 * window);
        TopDocs byText = searcher.search(query, new TopScoreDocCollectorManager(textCandidates, null,
                textCandidates));
        Map<Integer, ScoreDoc> pool = new LinkedHashMap<>();
        for (ScoreDoc sd : byText.scoreDocs) {
            pool.put(sd.doc, new ScoreDoc(sd.doc, sd.score));
        }
        if (byText.scoreDocs.length == textCandidates) {
            // Hits outside the text top-N score at most the N-th text score times their recency boost.
            float nthText = byText.scoreDocs[textCandidates - 1].score;
            addNewest(searcher, hits, order, Math.max(DATE_CANDIDATES, 2 * window), nthText, pool, scoring, recency,
                    window);
        } else {
            boostByRecency(searcher, pool.values(), recency);
        }
        ScoreDoc[] all = pool.values().toArray(ScoreDoc[]::new);
        String[] ids = ids(searcher, all);
        Integer[] ranked = new Integer[all.length];
        Arrays.setAll(ranked, i -> i);
        Arrays.sort(ranked, Comparator.<Integer>comparingDouble(i -> -all[i].score).thenComparing(i -> ids[i]));
        return slice(Arrays.stream(ranked).map(i -> all[i]).toArray(ScoreDoc[]::new), offset, window);
    }

    /**
     * Boosts the text candidates in {@code pool}, then adds the newest hits that could still reach the page: those
     * whose best possible score ({@code nthText} × their boost) beats the page's current last score get their exact
     * score; the others cannot enter and are not scored.
     */
    private static void addNewest(IndexSearcher searcher, HitSet hits, DateOrder order, int count, float nthText,
                                  Map<Integer, ScoreDoc> pool, Query scoring, RecencyBoost recency, int window)
            throws IOException {
        boostByRecency(searcher, pool.values(), recency);
        float[] scores = new float[pool.size()];
        int i = 0;
        for (ScoreDoc sd : pool.values()) {
            scores[i++] = sd.score;
        }
        Arrays.sort(scores);
        float pageLast = scores.length >= window ? scores[scores.length - window] : Float.NEGATIVE_INFINITY;
        List<ScoreDoc> contenders = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : hits.newest(count, order)) {
            if (pool.containsKey(sd.doc)) {
                continue;
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            DoubleValues boost = recency.getValues(leaf, null);
            double best = boost.advanceExact(sd.doc - leaf.docBase) ? nthText * boost.doubleValue() : nthText;
            if (best >= pageLast) {
                contenders.add(sd);
            }
        }
        if (!contenders.isEmpty()) {
            TopFieldCollector.populateScores(contenders.toArray(ScoreDoc[]::new), searcher, scoring);
            contenders.forEach(sd -> pool.put(sd.doc, sd));
        }
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
