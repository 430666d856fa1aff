package dev.shirase.ingest;

import java.util.List;

/** What storing one parsed feed changed: counts, and the ids of advisories that are new or revised. */
public record IngestResult(int added, int updated, int unchanged, int enrichmentRows, List<String> changedIds) {
    public IngestResult {
        changedIds = List.copyOf(changedIds);
    }

    public static IngestResult empty() {
        return new IngestResult(0, 0, 0, 0, List.of());
    }

    public IngestResult plus(IngestResult other) {
        List<String> ids = new java.util.ArrayList<>(changedIds);
        ids.addAll(other.changedIds);
        return new IngestResult(added + other.added, updated + other.updated, unchanged + other.unchanged,
                enrichmentRows + other.enrichmentRows, ids);
    }
}
