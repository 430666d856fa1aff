package dev.shirase.store;

/**
 * What one upsert did to one advisory.
 *
 * @param id       the advisory id
 * @param kind     NEW (first seen, revision 1), UPDATED (content changed, revision incremented) or UNCHANGED
 * @param revision the stored revision after the upsert
 */
public record UpsertOutcome(String id, Kind kind, int revision) {

    /** Whether the advisory was new, changed, or identical to what was stored. */
    public enum Kind { NEW, UPDATED, UNCHANGED }

    /** True for NEW and UPDATED: the index and the matcher need to see this advisory again. */
    public boolean changed() {
        return kind != Kind.UNCHANGED;
    }
}
