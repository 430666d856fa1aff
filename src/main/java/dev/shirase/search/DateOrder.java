package dev.shirase.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.IntroSorter;

/**
 * The documents of each segment in date order (published descending, then advisory id), computed once per segment
 * reader and kept until it closes. With it, the newest n hits of any query are the first n set bits met along the
 * order, instead of a read of every hit's date: a few hundred documents looked at rather than 200,000.
 */
final class DateOrder {

    /**
     * One segment's documents, newest first, with (at the same positions) their published seconds, published local
     * day and id ordinal: doc values can only be read forwards, and this order is not the doc id order.
     */
    record Segment(int[] docs, long[] dates, long[] days, int[] idOrds) {
    }

    private final SegmentCache<Segment> bySegment = SegmentCache.perCore(DateOrder::compute);

    Segment of(LeafReader reader) throws IOException {
        // Deleted documents stay in the order (hits never contain them).
        return bySegment.get(reader);
    }

    private static Segment compute(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        long[] dateOf = new long[maxDoc];
        int[] idOrd = new int[maxDoc];
        long[] dayOf = new long[maxDoc];
        NumericDocValues dates = DocValues.getNumeric(reader, IndexFields.PUBLISHED_SECONDS);
        NumericDocValues days = DocValues.getNumeric(reader, IndexFields.PUBLISHED_DAY);
        SortedDocValues ids = DocValues.getSorted(reader, IndexFields.ID_SORT);
        for (int doc = 0; doc < maxDoc; doc++) {
            dateOf[doc] = dates.advanceExact(doc) ? dates.longValue() : Long.MIN_VALUE;
            dayOf[doc] = days.advanceExact(doc) ? days.longValue() : Long.MIN_VALUE;
            // Ordinals follow the byte order of the ids, which for ASCII ids is their string order.
            idOrd[doc] = ids.advanceExact(doc) ? ids.ordValue() : -1;
        }
        int[] docs = new int[maxDoc];
        for (int i = 0; i < maxDoc; i++) {
            docs[i] = i;
        }
        new IntroSorter() {
            private int pivot;

            @Override
            protected void swap(int i, int j) {
                int t = docs[i];
                docs[i] = docs[j];
                docs[j] = t;
            }

            @Override
            protected void setPivot(int i) {
                pivot = docs[i];
            }

            @Override
            protected int comparePivot(int j) {
                return compareDocs(pivot, docs[j]);
            }

            @Override
            protected int compare(int i, int j) {
                return compareDocs(docs[i], docs[j]);
            }

            private int compareDocs(int a, int b) {
                int byDate = Long.compare(dateOf[b], dateOf[a]);
                return byDate != 0 ? byDate : Integer.compare(idOrd[a], idOrd[b]);
            }
        }.sort(0, maxDoc);
        long[] sortedDates = new long[maxDoc];
        long[] sortedDays = new long[maxDoc];
        int[] sortedIdOrds = new int[maxDoc];
        for (int i = 0; i < maxDoc; i++) {
            sortedDates[i] = dateOf[docs[i]];
            sortedDays[i] = dayOf[docs[i]];
            sortedIdOrds[i] = idOrd[docs[i]];
        }
        return new Segment(docs, sortedDates, sortedDays, sortedIdOrds);
    }

    /** Segments whose order is kept (for tests). */
    int cachedSegments() {
        return bySegment.size();
    }
}
