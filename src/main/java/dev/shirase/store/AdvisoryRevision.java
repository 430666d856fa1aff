package dev.shirase.store;

import java.time.Instant;

/** One entry of an advisory's change history: revision 1 is when it was first seen. */
public record AdvisoryRevision(String advisoryId, int revision, Instant changedAt, String contentHash) {
}
