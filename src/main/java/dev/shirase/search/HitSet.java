package dev.shirase.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every document matching a query, as one bit set per segment. The query runs once, without scores (so Lucene's
 * query cache can answer it); counting, facets and the newest hits are then read from the bits.
 */
final class HitSet {

    private final List<LeafReaderContext> leaves;
    private final FixedBitSet[] bits;
    private final long total;

    private HitSet(List<LeafReaderContext> leaves, FixedBitSet[] bits, long total) {
        this.leaves = leaves;
        this.bits = bits;
        this.total = total;
    }

    /** Runs {@code query} and keeps its matches. */
    static HitSet of(IndexSearcher searcher, Query query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[] bits = new FixedBitSet[leaves.size()];
        long total = searcher.search(query, new CollectorManager<Gathering, Long>() {
            @Override
            public Gathering newCollector() {
                return new Gathering(bits);
            }

            @Override
            public Long reduce(Collection<Gathering> collectors) {
                return collectors.stream().mapToLong(c -> c.count).sum();
            }
        });
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] == null) {
                bits[i] = new FixedBitSet(Math.max(1, leaves.get(i).reader().maxDoc()));
            }
        }
        return new HitSet(leaves, bits, total);
    }

    /** Number of matching documents (exact). */
    long total() {
        return total;
    }

    List<LeafReaderContext> leaves() {
        return leaves;
    }

    /** The matches in one segment, by segment-local doc id (do not modify). */
    FixedBitSet bits(int leaf) {
        return bits[leaf];
    }

    /** The {@code n} newest matches (published descending, then advisory id), as index-wide doc ids. */
    ScoreDoc[] newest(int n, DateOrder order) throws IOException {
        if (n <= 0 || total == 0) {
            return new ScoreDoc[0];
        }
        List<Entry> candidates = new ArrayList<>();
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            LeafReaderContext context = leaves.get(leaf);
            DateOrder.Segment segment = order.of(context.reader());
            SortedDocValues ids = DocValues.getSorted(context.reader(), IndexFields.ID_SORT);
            FixedBitSet set = bits[leaf];
            int[] docs = segment.docs();
            for (int i = 0, found = 0; i < docs.length && found < n; i++) {
                if (set.get(docs[i])) {
                    found++;
                    int ord = segment.idOrds()[i];
                    String id = ord < 0 ? "" : ids.lookupOrd(ord).utf8ToString();
                    candidates.add(new Entry(context.docBase + docs[i], segment.dates()[i], id));
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Entry::date).reversed().thenComparing(Entry::id));
        return candidates.stream().limit(n).map(e -> new ScoreDoc(e.doc(), Float.NaN)).toArray(ScoreDoc[]::new);
    }

    /** Next set bit at or after {@code from}, or NO_MORE_DOCS. */
    static int next(FixedBitSet set, int from) {
        return from >= set.length() ? DocIdSetIterator.NO_MORE_DOCS : set.nextSetBit(from);
    }

    private record Entry(int doc, long date, String id) {
    }

    /** Sets a bit per match, in a bit set per segment. */
    private static final class Gathering implements Collector {
        private final FixedBitSet[] bits;
        private long count;

        Gathering(FixedBitSet[] bits) {
            this.bits = bits;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            FixedBitSet set = new FixedBitSet(Math.max(1, context.reader().maxDoc()));
            bits[context.ord] = set;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // matching only
                }

                @Override
                public void collect(int doc) {
                    set.set(doc);
                    count++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
