package dev.shirase.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over every matching document by reading the {@code f_<dimension>} SortedSetDocValues:
 * per segment into an int array indexed by ordinal, turned into strings once per segment. Plain and fast enough
 * for a few hundred thousand hits, and needs no taxonomy or reader state to keep in sync.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Map<String, Map<String, Long>>> {

    private final List<String> dimensions;

    FacetCounter(List<String> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    @Override
    public Counting newCollector() {
        return new Counting(dimensions);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counting> collectors) {
        Map<String, Map<String, Long>> merged = new HashMap<>();
        for (String dimension : dimensions) {
            Map<String, Long> counts = new HashMap<>();
            for (Counting c : collectors) {
                c.totals.getOrDefault(dimension, Map.of()).forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
            Map<String, Long> ordered = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            merged.put(dimension, java.util.Collections.unmodifiableMap(ordered));
        }
        return merged;
    }

    /** One collector; the per-segment counts are folded into {@link #totals} when the next segment starts. */
    static final class Counting implements Collector {
        private final List<String> dimensions;
        private final Map<String, Map<String, Long>> totals = new HashMap<>();

        Counting(List<String> dimensions) {
            this.dimensions = dimensions;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = dimensions.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            // Single-valued dimensions (source, severity, …) read through SortedDocValues: one ord, no iteration.
            SortedDocValues[] single = new SortedDocValues[n];
            int[][] counts = new int[n][];
            for (int d = 0; d < n; d++) {
                values[d] = DocValues.getSortedSet(context.reader(), IndexFields.facetField(dimensions.get(d)));
                single[d] = DocValues.unwrapSingleton(values[d]);
                counts[d] = new int[(int) Math.min(Integer.MAX_VALUE - 8, values[d].getValueCount())];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // scores are not needed for counting
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int d = 0; d < n; d++) {
                        SortedDocValues one = single[d];
                        if (one != null) {
                            if (one.advanceExact(doc)) {
                                counts[d][one.ordValue()]++;
                            }
                            continue;
                        }
                        SortedSetDocValues dv = values[d];
                        if (dv.advanceExact(doc)) {
                            for (int i = 0, count = dv.docValueCount(); i < count; i++) {
                                counts[d][(int) dv.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int d = 0; d < n; d++) {
                        Map<String, Long> total = totals.computeIfAbsent(dimensions.get(d), k -> new HashMap<>());
                        for (int ord = 0; ord < counts[d].length; ord++) {
                            if (counts[d][ord] > 0) {
                                total.merge(values[d].lookupOrd(ord).utf8ToString(), (long) counts[d][ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
