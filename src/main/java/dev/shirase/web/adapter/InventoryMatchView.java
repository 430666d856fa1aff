package dev.shirase.web.adapter;

import dev.shirase.advisory.Advisory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.inventory.store.StoredMatch;
import dev.shirase.inventory.store.TriageRecord;
import dev.shirase.inventory.store.UnknownMatchException;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.web.view.AssetRow;
import dev.shirase.web.view.MatchRow;
import dev.shirase.web.view.MatchView;
import dev.shirase.web.view.TriageEvent;
import dev.shirase.web.view.TriageState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Matching as the pages see it, over the real {@link MatchRepository} (verdicts and triage with history), the
 * inventory's assets (names, versions, owners) and the advisory store (titles).
 */
public final class InventoryMatchView implements MatchView {

    private final MatchRepository matches;
    private final Supplier<List<Asset>> assets;
    private final AdvisoryRepository advisories;
    private final Clock clock;

    /**
     * @param assets the current inventory (a supplier, so a reloaded inventory shows without restarting the web)
     */
    public InventoryMatchView(MatchRepository matches, Supplier<List<Asset>> assets, AdvisoryRepository advisories,
                              Clock clock) {
        this.matches = matches;
        this.assets = assets;
        this.advisories = advisories;
        this.clock = clock;
    }

    @Override
    public List<MatchRow> matches(Optional<String> verdict, Optional<String> assetId) {
        Optional<Verdict> v = verdict.map(Verdict::valueOf);
        return rows(matches.find(v, assetId), true);
    }

    @Override
    public List<MatchRow> matchesFor(String advisoryId) {
        List<StoredMatch> found = matches.forAdvisory(advisoryId).stream()
                .sorted(Comparator.comparingInt((StoredMatch m) -> -m.verdict().urgency()).thenComparing(StoredMatch::assetId))
                .toList();
        return rows(found, true);
    }

    @Override
    public List<AssetRow> assets() {
        Map<String, List<StoredMatch>> open = new HashMap<>();
        for (StoredMatch m : matches.find(Optional.empty(), Optional.empty())) {
            if (m.verdict() != Verdict.NOT_AFFECTED && openState(m.triage())) {
                open.computeIfAbsent(m.assetId(), k -> new ArrayList<>()).add(m);
            }
        }
        List<AssetRow> out = new ArrayList<>();
        for (Asset a : assets.get()) {
            List<StoredMatch> mine = open.getOrDefault(a.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt((StoredMatch m) -> -m.verdict().urgency())
                            .thenComparing(StoredMatch::advisoryId, Comparator.reverseOrder()))
                    .toList();
            out.add(new AssetRow(a.id(), a.name(), a.vendor(), a.product(), a.version(), a.owner(), rows(mine, false)));
        }
        // Assets needing attention first, then by name.
        out.sort(Comparator.comparingInt((AssetRow r) -> r.openMatches().isEmpty() ? 1 : 0).thenComparing(AssetRow::name));
        return out;
    }

    @Override
    public void triage(String advisoryId, String assetId, TriageState state, String note, String user) {
        try {
            matches.triage(advisoryId, assetId, dev.shirase.inventory.store.TriageState.valueOf(state.name()), note,
                    user, OffsetDateTime.now(clock));
        } catch (UnknownMatchException e) {
            throw new NoSuchElementException(e.getMessage());
        }
    }

    private static boolean openState(dev.shirase.inventory.store.TriageState s) {
        return s == dev.shirase.inventory.store.TriageState.OPEN || s == dev.shirase.inventory.store.TriageState.IN_PROGRESS;
    }

    private List<MatchRow> rows(List<StoredMatch> stored, boolean withHistory) {
        Map<String, String> titles = titles(stored.stream().map(StoredMatch::advisoryId).distinct().toList());
        Map<String, String> names = new HashMap<>();
        for (Asset a : assets.get()) {
            names.put(a.id(), a.name());
        }
        List<MatchRow> out = new ArrayList<>(stored.size());
        for (StoredMatch m : stored) {
            List<TriageEvent> history = withHistory
                    ? matches.triageHistory(m.advisoryId(), m.assetId()).stream().map(InventoryMatchView::event).toList()
                    : List.of();
            out.add(new MatchRow(m.advisoryId(), titles.getOrDefault(m.advisoryId(), ""), m.assetId(),
                    names.getOrDefault(m.assetId(), m.assetId()), m.verdict().name(), m.reason(), m.evidence(),
                    m.assetVersion(), TriageState.valueOf(m.triage().name()), history));
        }
        return out;
    }

    private static TriageEvent event(TriageRecord r) {
        return new TriageEvent(TriageState.valueOf(r.state().name()), r.note(), r.by(), r.at().toInstant());
    }

    private Map<String, String> titles(Collection<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Advisory a : advisories.findAll(ids)) {
            out.put(a.id(), a.title());
        }
        return out;
    }
}
