package dev.shirase.inventory.store;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One triage decision: who decided what, when, with which note, for which asset version. */
public record TriageRecord(String advisoryId, String assetId, TriageState state, String note, String by,
                           OffsetDateTime at, Optional<String> assetVersion) {
}
