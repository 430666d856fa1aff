package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.match.AdvisoryMatcher;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.inventory.store.VerdictChange;
import dev.shirase.store.AdvisoryRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The matching stage behind the store: judges new and revised advisories against the inventory at ingest, and the
 * whole archive when the inventory itself changed. Verdict changes are recorded by the repository.
 */
public final class MatchingStage implements ArchiveListener {
    private final AdvisoryMatcher matcher;
    private final MatchRepository matches;
    private final Clock clock;
    private final List<VerdictChange> changes = new ArrayList<>();

    public MatchingStage(List<Asset> assets, MatchRepository matches, Clock clock) {
        this.matcher = new AdvisoryMatcher(assets);
        this.matches = matches;
        this.clock = clock;
    }

    @Override
    public synchronized void advisoriesChanged(List<Advisory> changed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Advisory advisory : changed) {
            changes.addAll(matches.replaceFor(advisory.id(), matcher.match(advisory), now));
        }
    }

    @Override
    public Map<String, Set<String>> verdicts(Collection<String> advisoryIds) {
        return matches.verdictsByAdvisory(advisoryIds).entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(Verdict::name).collect(Collectors.toSet())));
    }

    /** Re-judges every stored advisory (after an inventory change); returns how many verdicts changed. */
    public int rematchAll(AdvisoryRepository advisories, Consumer<String> progress) {
        List<Match> all = new ArrayList<>();
        int[] seen = {0};
        advisories.forEach(a -> {
            all.addAll(matcher.match(a));
            if (++seen[0] % 50_000 == 0) {
                progress.accept("re-match: " + seen[0] + " advisories");
            }
        });
        List<VerdictChange> changed = matches.replaceAll(all, OffsetDateTime.now(clock));
        synchronized (this) {
            changes.addAll(changed);
        }
        return changed.size();
    }

    /** Verdict changes recorded since the last call (for urgent-alert evaluation after a poll). */
    public synchronized List<VerdictChange> drainChanges() {
        List<VerdictChange> out = List.copyOf(changes);
        changes.clear();
        return out;
    }
}
