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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a parsed feed into the archive: the store first (the system of record), then the matching stage, then the
 * index, which is rebuildable and so always last. Unchanged re-fetches touch neither matches nor the index.
 *
 * <p>A large feed is taken in batches, pipelined: while the index writes batch n (on the index's own worker
 * threads), this thread stores batch n+1. Every advisory is still stored, and the listener told, before it is
 * indexed. After the last batch the changes are made visible at once (a near-real-time refresh); the index is
 * committed durably only now and then ({@link CommitPolicy}), with the store watermark it has reached, on a thread
 * of its own while the next feed is taken in. Whatever a
 * crash loses from the index is re-indexed from the store by {@link #catchUp()}, which the first ingest runs.
 *
 * <p>Calls are serialised (one at a time per ingestor), which keeps the watermark exact: when an ingest ends, every
 * advisory written up to the store's last change is in the index. One ingestor writes to an index.
 */
public final class Ingestor {
    /** Advisories per store transaction and per index hand-over: small enough that storing and indexing overlap. */
    private static final int BATCH = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final AdvisoryRepository advisories;
    private final EnrichmentRepository enrichment;
    private final AdvisoryIndex index;
    private final ArchiveListener listener;
    private final CommitPolicy commits;
    private final StageTimes times = new StageTimes();
    private boolean caughtUp;
    private long lastCommitNanos = System.nanoTime();
    private long changesSinceCommit;
    /** A durable commit started by an ingest and perhaps still running (see {@link #publish}). */
    private volatile CompletableFuture<Void> backgroundCommit = CompletableFuture.completedFuture(null);

    public Ingestor(AdvisoryRepository advisories, EnrichmentRepository enrichment, AdvisoryIndex index,
                    ArchiveListener listener) {
        this(advisories, enrichment, index, listener, CommitPolicy.DEFAULT);
    }

    public Ingestor(AdvisoryRepository advisories, EnrichmentRepository enrichment, AdvisoryIndex index,
                    ArchiveListener listener, CommitPolicy commits) {
        this.advisories = advisories;
        this.enrichment = enrichment;
        this.index = index;
        this.listener = listener;
        this.commits = commits;
    }

    /**
     * Stores, matches and indexes everything in {@code feed}; the changes are searchable when this returns, and
     * durable in the store. When the {@link CommitPolicy} says so, a durable index commit is started in the background
     * ({@link #awaitCommit} waits for it; the next ingest and {@link #commit} do).
     */
    public synchronized IngestResult ingest(ParsedFeed feed, Instant now) {
        catchUpOnce();
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
                // Their documents change with their enrichment: a crash before the next commit re-indexes them too.
                advisories.markChanged(enriched);
                List<Advisory> touched = advisories.findAll(enriched);
                listener.advisoriesChanged(touched);
                pipeline.submit(entries(touched));
            }
            pipeline.finish();
            if (!changedIds.isEmpty() || !enriched.isEmpty()) {
                publish(changedIds.size() + enriched.size());
            }
            return new IngestResult(added, updated, unchanged, enrichmentRows, changedIds);
        } finally {
            pipeline.drainQuietly();
            // Indexing ran on the index's worker threads: their CPU time is counted there.
            times.add(StageTimes.Stage.INDEX, 0, index.indexingCpuNanos() - indexCpuStart);
        }
    }

    /**
     * Makes what was indexed visible, recording the store watermark it reached; starts a durable commit when due
     * (after the previous one has finished: one at a time). Every store change up to {@code lastChange()} is indexed
     * here: ingests are serialised and the pipeline is drained.
     */
    private void publish(long changes) {
        long watermark = advisories.lastChange();
        times.time(StageTimes.Stage.REFRESH, () -> {
            index.markIndexedThrough(watermark);
            index.refresh();
        });
        changesSinceCommit += changes;
        if (commits.due(System.nanoTime() - lastCommitNanos, changesSinceCommit)) {
            awaitCommit();
            backgroundCommit = CompletableFuture.runAsync(() -> times.time(StageTimes.Stage.COMMIT, index::commit),
                    Ingestor::startCommitThread);
            lastCommitNanos = System.nanoTime();
            changesSinceCommit = 0;
        }
    }

    /**
     * Durable commits due during ingests run on a thread of their own, so that the next feed is stored and indexed
     * while the segments are written out and synced (a commit of 50,000 changes takes about half a second).
     */
    private static void startCommitThread(Runnable commit) {
        Thread t = new Thread(commit, "shirase-index-commit");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for a durable commit still running from an ingest, and rethrows its failure (the changes are safe in the
     * store either way, and caught up on the next start). Call before closing the index.
     */
    public synchronized void awaitCommit() {
        CompletableFuture<Void> running = backgroundCommit;
        backgroundCommit = CompletableFuture.completedFuture(null);
        AdvisoryIndex.join(running);
    }

    /** Commits the index durably now (with the watermark reached); for the end of a bulk load or a command. */
    public synchronized void commit() {
        awaitCommit();
        times.time(StageTimes.Stage.COMMIT, index::commit);
        lastCommitNanos = System.nanoTime();
        changesSinceCommit = 0;
    }

    /**
     * Re-indexes every advisory the store changed after the watermark of the index's last durable commit (what a
     * crash lost from the index), with its relatives, then commits; returns how many were re-indexed. Cheap when
     * there is nothing to do (two indexed look-ups).
     */
    public synchronized int catchUp() {
        caughtUp = true;
        long committed = index.committedWatermark();
        long storeWatermark = advisories.lastChange();
        if (storeWatermark <= committed) {
            return 0;
        }
        int n = advisories.forEachChangedAfter(committed, page -> {
            List<IndexEntry> entries = entriesWithRelatives(page);
            index.indexAll(entries);
        });
        index.markIndexedThrough(storeWatermark);
        commit();
        LOG.info("search index: re-indexed {} advisories the store changed after the index's last commit"
                + " (store watermark {} > {})", n, storeWatermark, committed);
        return n;
    }

    private void catchUpOnce() {
        if (!caughtUp) {
            catchUp();
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
            Map<String, Set<String>> related = advisories.relatedIdsOf(changed);
            Set<String> relatives = new LinkedHashSet<>();
            related.values().forEach(relatives::addAll);
            ids.forEach(relatives::remove);
            List<IndexEntry> entries = new ArrayList<>(withVerdicts(changed, related));
            if (!relatives.isEmpty()) {
                List<Advisory> others = advisories.findAll(relatives);
                entries.addAll(withVerdicts(others, advisories.relatedIdsOf(others)));
            }
            return entries;
        });
    }

    private List<IndexEntry> entries(Collection<Advisory> items) {
        return times.time(StageTimes.Stage.RELATE,
                () -> withVerdicts(items, advisories.relatedIdsOf(items)));
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
