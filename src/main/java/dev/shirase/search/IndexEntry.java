package dev.shirase.search;

import dev.shirase.advisory.Advisory;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One advisory with what the index needs from outside it: ids of related advisories (the same threat seen by
 * other sources) and the inventory verdicts it received (e.g. {@code 該当}, {@code 要確認}), used as a filter and facet.
 */
public record IndexEntry(Advisory advisory, List<String> relatedIds, Set<String> verdicts) {
    public IndexEntry {
        Objects.requireNonNull(advisory, "advisory");
        relatedIds = relatedIds == null ? List.of() : List.copyOf(relatedIds);
        verdicts = verdicts == null ? Set.of() : Set.copyOf(verdicts);
    }

    public static IndexEntry of(Advisory advisory) {
        return new IndexEntry(advisory, List.of(), Set.of());
    }

    public static IndexEntry of(Advisory advisory, Collection<String> relatedIds, Collection<String> verdicts) {
        return new IndexEntry(advisory, relatedIds == null ? null : List.copyOf(relatedIds),
                verdicts == null ? null : Set.copyOf(verdicts));
    }
}
