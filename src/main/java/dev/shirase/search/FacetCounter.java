package dev.shirase.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the facet values of a {@link HitSet}, read from the {@code f_<dimension>} SortedSetDocValues.
 *
 * <p>When the hits are the majority of a segment (a broad query such as 脆弱性, or a filter on a big source), the
 * values of the <em>other</em> documents are counted and subtracted from the segment's full counts, which are
 * computed once per segment reader and kept until it closes: so no query costs more than counting half the index,
 * and the empty query costs nothing after the first.
 */
final class FacetCounter {

    private final List<String> dimensions;
    /** Per segment reader: the counts over all its live documents. */
    private final SegmentCache<int[][]> segmentTotals = SegmentCache.perReader(this::countAllLive);
    /** Per segment: the ordinals of the single-valued dimensions, document by document. */
    private final SegmentCache<int[][]> segmentOrdinals = SegmentCache.perCore(this::readSingleValuedOrdinals);

    FacetCounter(List<String> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    /** Per dimension, value → count over the hits, ordered by count (descending), then value. */
    Map<String, Map<String, Long>> count(HitSet hits) throws IOException {
        List<Map<String, Long>> totals = new ArrayList<>();
        dimensions.forEach(d -> totals.add(new HashMap<>()));
        for (int leaf = 0; leaf < hits.leaves().size(); leaf++) {
            LeafReader reader = hits.leaves().get(leaf).reader();
            FixedBitSet matched = hits.bits(leaf);
            int count = matched.cardinality();
            if (count == 0) {
                continue;
            }
            int[][] counts = count > reader.numDocs() / 2 ? complement(reader, matched) : ordinals(reader, matched);
            for (int d = 0; d < dimensions.size(); d++) {
                SortedSetDocValues values = values(reader, d);
                for (int ord = 0; ord < counts[d].length; ord++) {
                    if (counts[d][ord] > 0) {
                        totals.get(d).merge(values.lookupOrd(ord).utf8ToString(), (long) counts[d][ord], Long::sum);
                    }
                }
            }
        }
        Map<String, Map<String, Long>> result = new HashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            totals.get(d).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            result.put(dimensions.get(d), Collections.unmodifiableMap(ordered));
        }
        return result;
    }

    /** The segment's full counts minus those of its live documents that did not match. */
    private int[][] complement(LeafReader reader, FixedBitSet matched) throws IOException {
        FixedBitSet others = matched.clone();
        others.flip(0, reader.maxDoc());
        clearDeleted(reader, others);
        int[][] all = segmentTotals.get(reader);
        int[][] missing = ordinals(reader, others);
        int[][] counts = new int[all.length][];
        for (int d = 0; d < all.length; d++) {
            counts[d] = all[d].clone();
            for (int ord = 0; ord < counts[d].length; ord++) {
                counts[d][ord] -= missing[d][ord];
            }
        }
        return counts;
    }

    private int[][] countAllLive(LeafReader reader) throws IOException {
        FixedBitSet live = new FixedBitSet(Math.max(1, reader.maxDoc()));
        live.set(0, reader.maxDoc());
        clearDeleted(reader, live);
        return ordinals(reader, live);
    }

    /** Counts, per dimension, the value ordinals of the documents whose bits are set. */
    private int[][] ordinals(LeafReader reader, FixedBitSet docs) throws IOException {
        int[][] counts = new int[dimensions.size()][];
        int[][] single = segmentOrdinals.get(reader);
        for (int d = 0; d < dimensions.size(); d++) {
            SortedSetDocValues values = values(reader, d);
            counts[d] = new int[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
            int[] ords = single[d];
            for (int doc = HitSet.next(docs, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = HitSet.next(docs, doc + 1)) {
                if (ords != null) {
                    if (ords[doc] >= 0) {
                        counts[d][ords[doc]]++;
                    }
                } else if (values.advanceExact(doc)) {
                    for (int i = 0, n = values.docValueCount(); i < n; i++) {
                        counts[d][(int) values.nextOrd()]++;
                    }
                }
            }
        }
        return counts;
    }

    /**
     * For each single-valued dimension (source, severity, year, …) the ordinal of every document of the segment
     * (-1 without a value), read once per segment: counting is then an array lookup per hit. Null for multi-valued
     * dimensions (vendor, verdict), which are read from the doc values each time.
     */
    private int[][] readSingleValuedOrdinals(LeafReader reader) throws IOException {
        int[][] ords = new int[dimensions.size()][];
        for (int d = 0; d < dimensions.size(); d++) {
            SortedDocValues single = DocValues.unwrapSingleton(values(reader, d));
            if (single != null) {
                ords[d] = new int[reader.maxDoc()];
                Arrays.fill(ords[d], -1);
                for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
                    ords[d][doc] = single.ordValue();
                }
            }
        }
        return ords;
    }

    private SortedSetDocValues values(LeafReader reader, int dimension) throws IOException {
        return DocValues.getSortedSet(reader, IndexFields.facetField(dimensions.get(dimension)));
    }

    private static void clearDeleted(LeafReader reader, FixedBitSet docs) {
        Bits liveDocs = reader.getLiveDocs();
        if (liveDocs == null) {
            return;
        }
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (!liveDocs.get(doc)) {
                docs.clear(doc);
            }
        }
    }

    /** Segments whose full counts are kept (for tests). */
    int cachedSegments() {
        return segmentTotals.size();
    }
}
