package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.KevEntry;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.source.ParsedFeed;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.EnrichmentRepository;
import dev.shirase.store.UpsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a parsed feed into the archive: the store first (the system of record), then the matching stage, then the
 * index, which is rebuildable and so always last. Unchanged re-fetches touch neither matches nor the index.
 */
public final class Ingestor {
    private static final int BATCH = 1_000;

    private final AdvisoryRepository advisories;
    private final EnrichmentRepository enrichment;
    private final AdvisoryIndex index;
    private final ArchiveListener listener;

    public Ingestor(AdvisoryRepository advisories, EnrichmentRepository enrichment, AdvisoryIndex index,
                    ArchiveListener listener) {
        this.advisories = advisories;
        this.enrichment = enrichment;
        this.index = index;
        this.listener = listener;
    }

    /** Stores, matches and indexes everything in {@code feed}; commits the index once at the end. */
    public IngestResult ingest(ParsedFeed feed, Instant now) {
        IngestResult result = IngestResult.empty();
        List<Advisory> all = feed.advisories();
        for (int from = 0; from < all.size(); from += BATCH) {
            result = result.plus(ingestBatch(all.subList(from, Math.min(all.size(), from + BATCH)), now));
        }
        int enrichmentRows = 0;
        Set<String> enriched = new LinkedHashSet<>();
        if (!feed.kev().isEmpty()) {
            enrichmentRows += enrichment.upsertKev(feed.kev());
            enriched.addAll(enrichment.advisoryIdsWithCves(feed.kev().stream().map(KevEntry::cve).toList()));
        }
        if (!feed.epss().isEmpty()) {
            enrichmentRows += enrichment.upsertEpss(feed.epss());
            enriched.addAll(enrichment.advisoryIdsWithCves(feed.epss().stream().map(EpssScore::cve).toList()));
        }
        if (!enriched.isEmpty()) {
            List<Advisory> touched = advisories.findAll(enriched);
            listener.advisoriesChanged(touched);
            reindex(touched);
        }
        index.commit();
        return new IngestResult(result.added(), result.updated(), result.unchanged(), enrichmentRows,
                result.changedIds());
    }

    private IngestResult ingestBatch(List<Advisory> batch, Instant now) {
        List<UpsertOutcome> outcomes = advisories.upsertAll(batch, now);
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> changed = new ArrayList<>();
        for (UpsertOutcome outcome : outcomes) {
            switch (outcome.kind()) {
                case NEW -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            if (outcome.kind() != UpsertOutcome.Kind.UNCHANGED) {
                changed.add(outcome.id());
            }
        }
        if (!changed.isEmpty()) {
            List<Advisory> stored = advisories.findAll(changed);
            listener.advisoriesChanged(stored);
            reindexWithRelated(stored);
        }
        return new IngestResult(added, updated, unchanged, 0, changed);
    }

    /** A new advisory can join a threat: its relatives' "related" lists change too. */
    private void reindexWithRelated(List<Advisory> changed) {
        Set<String> ids = new LinkedHashSet<>();
        changed.forEach(a -> ids.add(a.id()));
        Set<String> relatives = new LinkedHashSet<>();
        for (Advisory a : changed) {
            relatives.addAll(advisories.relatedIds(a.id()));
        }
        relatives.removeAll(ids);
        reindex(changed);
        if (!relatives.isEmpty()) {
            reindex(advisories.findAll(relatives));
        }
    }

    /** Writes the index documents for these advisories (no commit). */
    public void reindex(Collection<Advisory> items) {
        var verdicts = listener.verdicts(items.stream().map(Advisory::id).toList());
        for (Advisory a : items) {
            index.index(a, advisories.relatedIds(a.id()), verdicts.getOrDefault(a.id(), Set.of()));
        }
    }
}
