package dev.shirase.store;

import dev.shirase.advisory.Advisory;
import java.util.List;

/**
 * What {@link AdvisoryRepository#upsertAllStored} did: one outcome per input (input order), and the stored form of
 * every advisory that became NEW or UPDATED (one per id, first-change order) exactly as {@link
 * AdvisoryRepository#findAll} would return it right after the upsert, so callers need not read it back.
 */
public record UpsertBatch(List<UpsertOutcome> outcomes, List<Advisory> changed) {
    public UpsertBatch {
        outcomes = List.copyOf(outcomes);
        changed = List.copyOf(changed);
    }
}
