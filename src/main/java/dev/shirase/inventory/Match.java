package dev.shirase.inventory;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one advisory for one asset, with a reason a person can check.
 *
 * @param advisoryId   the advisory's id (JVNDB-2026-037242)
 * @param assetId      the asset's id
 * @param verdict      該当 / 要確認 / 非該当
 * @param reason       e.g. {@code FortiOS 7.4.3 ≤ 7.4.8 (sec:cpe fortinet:fortios, JVNDB-2026-001234)}
 * @param assetVersion the asset version the verdict was judged for (triage is tied to it)
 * @param evidence     how the product was identified: {@code sec:cpe fortinet:fortios}, {@code product name …},
 *                     {@code text mentions …}
 */
public record Match(String advisoryId, String assetId, Verdict verdict, String reason,
                    Optional<String> assetVersion, String evidence) {
    public Match {
        Objects.requireNonNull(advisoryId, "advisoryId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        assetVersion = assetVersion == null ? Optional.empty() : assetVersion;
        evidence = evidence == null ? "" : evidence;
    }
}
