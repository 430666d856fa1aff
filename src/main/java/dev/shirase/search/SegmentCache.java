package dev.shirase.search;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * A value computed once per segment and dropped when the segment closes (after a merge, or for the old reader
 * after new deletions). Keyed by the segment's core when the value does not depend on deletions, else by the
 * segment reader.
 */
final class SegmentCache<T> {

    /** Computes the value of one segment. */
    @FunctionalInterface
    interface Computation<T> {
        T of(LeafReader reader) throws IOException;
    }

    private final Map<Object, T> values = Collections.synchronizedMap(new HashMap<>());
    private final boolean dependsOnDeletions;
    private final Computation<T> computation;

    private SegmentCache(boolean dependsOnDeletions, Computation<T> computation) {
        this.dependsOnDeletions = dependsOnDeletions;
        this.computation = computation;
    }

    /** For values of the segment's documents alone (ordinals, dates): kept until the segment itself closes. */
    static <T> SegmentCache<T> perCore(Computation<T> computation) {
        return new SegmentCache<>(false, computation);
    }

    /** For values that count only live documents: a new set of deletions means a new value. */
    static <T> SegmentCache<T> perReader(Computation<T> computation) {
        return new SegmentCache<>(true, computation);
    }

    T get(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = dependsOnDeletions ? reader.getReaderCacheHelper()
                : reader.getCoreCacheHelper();
        if (helper == null) {
            return computation.of(reader);
        }
        T cached = values.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        T computed = computation.of(reader);
        if (values.putIfAbsent(helper.getKey(), computed) == null) {
            helper.addClosedListener(values::remove);
        }
        return computed;
    }

    /** Segments with a kept value (for tests). */
    int size() {
        return values.size();
    }
}
