package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.KevEntry;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.IndexEntry;
import dev.shirase.source.ParsedFeed;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.EnrichmentRepository;
import dev.shirase.store.UpsertBatch;
import dev.shirase.store.UpsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a parsed feed into the archive: the store first (the system of record), then the matching stage, then the
 * index, which is rebuildable and so always last. Unchanged re-fetches touch neither matches nor the index.
 *
 * <p>A large feed is taken in batches, pipelined: while the index writes batch n (on the index's own worker
 * threads), this thread stores batch n+1. Every advisory is still stored, and the listener told, before it is
 * indexed; the index is committed once, after the last batch. Each call has its own pipeline, so concurrent calls
 * are as safe as before (only the indexing CPU in {@link #stageTimes()} is then approximate).
 */
public final class Ingestor {
    /** Advisories per store transaction and per index hand-over: small enough that storing and indexing overlap. */
    private static final int BATCH = 250;

    private final AdvisoryRepository advisories;
    private final EnrichmentRepository enrichment;
    private final AdvisoryIndex index;
    private final ArchiveListener listener;
    private final StageTimes times = new StageTimes();

    public Ingestor(AdvisoryRepository advisories, EnrichmentRepository enrichment, AdvisoryIndex index,
                    ArchiveListener listener) {
        this.advisories = advisories;
        this.enrichment = enrichment;
        this.index = index;
        this.listener = listener;
    }

    /** Stores, matches and indexes everything in {@code feed}; commits the index once at the end. */
    public IngestResult ingest(ParsedFeed feed, Instant now) {
        IndexPipeline pipeline = new IndexPipeline();
        long indexCpuStart = index.indexingCpuNanos();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> changedIds = new ArrayList<>();
        try {
            List<Advisory> all = feed.advisories();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Advisory> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                UpsertBatch stored = times.time(StageTimes.Stage.STORE, () -> advisories.upsertAllStored(batch, now));
                for (UpsertOutcome outcome : stored.outcomes()) {
                    switch (outcome.kind()) {
                        case NEW -> added++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                    if (outcome.changed()) {
                        changedIds.add(outcome.id());
                    }
                }
                if (!stored.changed().isEmpty()) {
                    listener.advisoriesChanged(stored.changed());
                    pipeline.submit(entriesWithRelatives(stored.changed()));
                }
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
                pipeline.submit(entries(touched));
            }
            pipeline.finish();
            times.time(StageTimes.Stage.COMMIT, index::commit);
            return new IngestResult(added, updated, unchanged, enrichmentRows, changedIds);
        } finally {
            pipeline.drainQuietly();
            // Indexing ran on the index's worker threads: their CPU time is counted there.
            times.add(StageTimes.Stage.INDEX, 0, index.indexingCpuNanos() - indexCpuStart);
        }
    }

    /** Writes the index documents for these advisories (no commit). */
    public void reindex(Collection<Advisory> items) {
        List<IndexEntry> entries = entries(items);
        long cpuStart = index.indexingCpuNanos();
        long start = System.nanoTime();
        index.indexAll(entries);
        times.add(StageTimes.Stage.INDEX, System.nanoTime() - start, index.indexingCpuNanos() - cpuStart);
    }

    /** Time spent per stage since this ingestor was made (for benchmarks and logs). */
    public StageTimes stageTimes() {
        return times;
    }

    /**
     * Index entries for the changed advisories, and for their relatives too: a new advisory can join a threat, and
     * then its relatives' "related" lists change.
     */
    private List<IndexEntry> entriesWithRelatives(List<Advisory> changed) {
        return times.time(StageTimes.Stage.RELATE, () -> {
            List<String> ids = changed.stream().map(Advisory::id).toList();
            Map<String, Set<String>> related = advisories.relatedIdsAll(ids);
            Set<String> relatives = new LinkedHashSet<>();
            related.values().forEach(relatives::addAll);
            ids.forEach(relatives::remove);
            List<IndexEntry> entries = new ArrayList<>(withVerdicts(changed, related));
            if (!relatives.isEmpty()) {
                List<Advisory> others = advisories.findAll(relatives);
                entries.addAll(withVerdicts(others, advisories.relatedIdsAll(relatives)));
            }
            return entries;
        });
    }

    private List<IndexEntry> entries(Collection<Advisory> items) {
        return times.time(StageTimes.Stage.RELATE,
                () -> withVerdicts(items, advisories.relatedIdsAll(items.stream().map(Advisory::id).toList())));
    }

    private List<IndexEntry> withVerdicts(Collection<Advisory> items, Map<String, Set<String>> related) {
        Map<String, Set<String>> verdicts = listener.verdicts(items.stream().map(Advisory::id).toList());
        List<IndexEntry> entries = new ArrayList<>(items.size());
        for (Advisory a : items) {
            entries.add(IndexEntry.of(a, related.getOrDefault(a.id(), Set.of()), verdicts.getOrDefault(a.id(), Set.of())));
        }
        return entries;
    }

    /**
     * Index writes in flight for one ingest: at most one batch is being indexed while the next is stored, which keeps
     * memory bounded; {@link #finish} waits for the last and rethrows an indexing failure.
     */
    private final class IndexPipeline {
        private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

        void submit(List<IndexEntry> entries) {
            await();
            long start = System.nanoTime();
            inFlight = index.indexAllAsync(entries).whenComplete((ok, error) -> times.add(StageTimes.Stage.INDEX,
                    System.nanoTime() - start, 0));
        }

        void finish() {
            await();
        }

        /** After a failure elsewhere: wait for the writes in flight, without hiding the first error. */
        void drainQuietly() {
            try {
                await();
            } catch (RuntimeException ignored) {
                // the ingest already failed, or finish() already reported this
            }
        }

        private void await() {
            CompletableFuture<Void> previous = inFlight;
            inFlight = CompletableFuture.completedFuture(null);
            AdvisoryIndex.join(previous);
        }
    }
}
