package dev.shirase.inventory.store;

import dev.shirase.inventory.Verdict;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A verdict that changed for one advisory × asset (e.g. 要確認 → 該当 after a revision). An empty old verdict
 * means a new match; an empty new verdict means the advisory no longer names the asset.
 */
public record VerdictChange(String advisoryId, String assetId, Optional<Verdict> oldVerdict,
                            Optional<Verdict> newVerdict, Optional<String> oldAssetVersion,
                            Optional<String> newAssetVersion, String reason, OffsetDateTime at) {
}
