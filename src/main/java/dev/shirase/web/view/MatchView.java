package dev.shirase.web.view;

import java.util.List;
import java.util.Optional;

/** Matching as the web pages read and change it: verdicts per advisory and asset, and triage. */
public interface MatchView {

    /** Matches, optionally only of one verdict (AFFECTED / CHECK / NOT_AFFECTED) and/or one asset. */
    List<MatchRow> matches(Optional<String> verdict, Optional<String> assetId);

    /** Our assets matched to one advisory, worst verdict first. */
    List<MatchRow> matchesFor(String advisoryId);

    /** Every inventory asset with its open 該当 / 要確認 matches. */
    List<AssetRow> assets();

    /**
     * Records a triage action by an identified user.
     *
     * @throws java.util.NoSuchElementException when there is no such match
     */
    void triage(String advisoryId, String assetId, TriageState state, String note, String user);

    /** No matching available (before it is configured): every list is empty and triage refuses. */
    static MatchView none() {
        return new MatchView() {
            @Override
            public List<MatchRow> matches(Optional<String> verdict, Optional<String> assetId) {
                return List.of();
            }

            @Override
            public List<MatchRow> matchesFor(String advisoryId) {
                return List.of();
            }

            @Override
            public List<AssetRow> assets() {
                return List.of();
            }

            @Override
            public void triage(String advisoryId, String assetId, TriageState state, String note, String user) {
                throw new java.util.NoSuchElementException("no match " + advisoryId + " / " + assetId);
            }
        };
    }
}
