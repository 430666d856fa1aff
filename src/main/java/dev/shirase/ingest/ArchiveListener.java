package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The next stage downstream of the store (matching): told of new and revised advisories before they are indexed,
 * and asked for the verdicts the index shows as a facet.
 */
public interface ArchiveListener {

    void advisoriesChanged(List<Advisory> changed);

    /** Verdict names (AFFECTED, CHECK, NOT_AFFECTED) per advisory id, for the search facet. */
    Map<String, Set<String>> verdicts(Collection<String> advisoryIds);

    /** No downstream stage: nothing matched, no verdicts. */
    ArchiveListener NONE = new ArchiveListener() {
        @Override
        public void advisoriesChanged(List<Advisory> changed) {
        }

        @Override
        public Map<String, Set<String>> verdicts(Collection<String> advisoryIds) {
            return Map.of();
        }
    };
}
