package dev.shirase.web;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.SourceState;
import dev.shirase.web.view.AdvisoryDetail;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.AssetRow;
import dev.shirase.web.view.HitRow;
import dev.shirase.web.view.MatchRow;
import dev.shirase.web.view.MatchView;
import dev.shirase.web.view.Readiness;
import dev.shirase.web.view.ResultPage;
import dev.shirase.web.view.SearchForm;
import dev.shirase.web.view.TriageEvent;
import dev.shirase.web.view.TriageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Temporary in-memory ports used while the store and index were not merged yet. */
final class MemoryPorts implements ArchiveView, MatchView {

    final List<Advisory> advisories;
    final List<MatchRow> matches = new CopyOnWriteArrayList<>();
    final List<SourceState> sources = new ArrayList<>();

    MemoryPorts(List<Advisory> advisories) {
        this.advisories = advisories;
    }

    @Override
    public ResultPage search(SearchForm form) {
        List<Advisory> hits = advisories.stream()
                .filter(a -> form.text().isEmpty() || java.util.Arrays.stream(form.text().split(" "))
                        .allMatch(w -> a.title().contains(w) || a.summary().contains(w)))
                .filter(a -> form.sources().isEmpty() || form.sources().contains(a.source()))
                .sorted(Comparator.comparing(Advisory::published).reversed()).toList();
        Map<String, Long> bySource = new LinkedHashMap<>();
        hits.forEach(a -> bySource.merge(a.source(), 1L, Long::sum));
        List<HitRow> rows = hits.stream().skip(form.offset()).limit(form.pageSize()).map(a -> new HitRow(a.id(),
                a.title(), a.url(), a.source(), a.published(), a.cves(), a.severity().name(), List.of(),
                mark(a.title(), form.text()), mark(a.summary(), form.text()), 1f, false, Optional.empty(),
                a.category().name())).toList();
        return new ResultPage(hits.size(), rows, Map.of("source", bySource));
    }

    private static String mark(String text, String q) {
        String esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        for (String w : q.split(" ")) {
            if (!w.isBlank()) {
                esc = esc.replace(w, "<mark>" + w + "</mark>");
            }
        }
        return esc;
    }

    @Override
    public Optional<AdvisoryDetail> advisory(String id) {
        return advisories.stream().filter(a -> a.id().equals(id)).findFirst()
                .map(a -> new AdvisoryDetail(a, List.of(), List.of()));
    }

    @Override
    public List<SourceState> sources() {
        return sources;
    }

    @Override
    public long advisoryCount() {
        return advisories.size();
    }

    @Override
    public Readiness readiness() {
        return new Readiness(true, "ok", true, "ok");
    }

    @Override
    public List<MatchRow> matches(Optional<String> verdict, Optional<String> assetId) {
        return matches.stream().filter(m -> verdict.map(m.verdict()::equals).orElse(true))
                .filter(m -> assetId.map(m.assetId()::equals).orElse(true)).toList();
    }

    @Override
    public List<MatchRow> matchesFor(String advisoryId) {
        return matches.stream().filter(m -> m.advisoryId().equals(advisoryId)).toList();
    }

    @Override
    public List<AssetRow> assets() {
        return List.of();
    }

    @Override
    public synchronized void triage(String advisoryId, String assetId, TriageState state, String note, String user) {
        for (int i = 0; i < matches.size(); i++) {
            MatchRow m = matches.get(i);
            if (m.advisoryId().equals(advisoryId) && m.assetId().equals(assetId)) {
                List<TriageEvent> h = new ArrayList<>(m.history());
                h.add(new TriageEvent(state, note, user, Instant.now()));
                matches.set(i, new MatchRow(m.advisoryId(), m.advisoryTitle(), m.assetId(), m.assetName(), m.verdict(),
                        m.reason(), m.evidence(), m.assetVersion(), state, h));
                return;
            }
        }
        throw new NoSuchElementException();
    }
}
