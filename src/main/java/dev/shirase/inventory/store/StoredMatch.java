package dev.shirase.inventory.store;

import dev.shirase.inventory.Verdict;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A stored verdict with its current triage. {@link #triage()} is the state that applies to this asset version:
 * a decision made for another version does not carry over (it shows as {@link TriageState#OPEN}).
 */
public record StoredMatch(String advisoryId, String assetId, Verdict verdict, String reason, String evidence,
                          Optional<String> assetVersion, OffsetDateTime matchedAt, TriageState triage,
                          Optional<TriageRecord> triageRecord) {
}
