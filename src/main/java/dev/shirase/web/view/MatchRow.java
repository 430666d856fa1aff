package dev.shirase.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One of our assets matched to one advisory, as the pages show it.
 *
 * @param verdict  AFFECTED, CHECK or NOT_AFFECTED
 * @param reason   why, in words a person can check
 * @param state    the triage state that applies to this asset version (a decision for another version does not)
 * @param history  triage actions, oldest first
 */
public record MatchRow(String advisoryId, String advisoryTitle, String assetId, String assetName, String verdict,
                       String reason, String evidence, Optional<String> assetVersion, TriageState state,
                       List<TriageEvent> history) {
    public MatchRow {
        advisoryTitle = advisoryTitle == null ? "" : advisoryTitle;
        assetName = assetName == null ? "" : assetName;
        reason = reason == null ? "" : reason;
        evidence = evidence == null ? "" : evidence;
        assetVersion = assetVersion == null ? Optional.empty() : assetVersion;
        state = state == null ? TriageState.OPEN : state;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Optional<TriageEvent> lastAction() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** 該当 or 要確認 and not yet done or dismissed. */
    public boolean needsAttention() {
        return !"NOT_AFFECTED".equals(verdict) && state().open();
    }
}
