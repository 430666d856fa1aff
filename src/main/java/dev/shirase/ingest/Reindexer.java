package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.store.AdvisoryRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Rebuilds the index from the store: the index holds nothing the store does not. */
public final class Reindexer {
    private static final int BATCH = 2_000;

    private final AdvisoryRepository advisories;
    private final Ingestor ingestor;
    private final AdvisoryIndex index;
    private final Consumer<String> progress;

    public Reindexer(AdvisoryRepository advisories, Ingestor ingestor, AdvisoryIndex index, Consumer<String> progress) {
        this.advisories = advisories;
        this.ingestor = ingestor;
        this.index = index;
        this.progress = progress;
    }

    /** Deletes every document and indexes every stored advisory, then commits durably; returns how many. */
    public int rebuild() {
        // Read first: everything written up to here is in the store pages read below.
        long watermark = advisories.lastChange();
        int total = advisories.count();
        index.deleteAll();
        List<Advisory> batch = new ArrayList<>(BATCH);
        int[] done = {0};
        advisories.forEach(a -> {
            batch.add(a);
            if (batch.size() == BATCH) {
                flush(batch, done, total);
            }
        });
        flush(batch, done, total);
        index.markIndexedThrough(watermark);
        index.commit();
        return done[0];
    }

    private void flush(List<Advisory> batch, int[] done, int total) {
        if (batch.isEmpty()) {
            return;
        }
        ingestor.reindex(batch);
        done[0] += batch.size();
        batch.clear();
        if (total >= BATCH * 5) {
            progress.accept(String.format("reindex: %d/%d", done[0], total));
        }
    }
}
