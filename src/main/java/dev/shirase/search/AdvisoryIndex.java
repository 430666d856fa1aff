package dev.shirase.search;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searchable archive of advisories: a Lucene index that can always be rebuilt from the store.
 *
 * <p>One writer and any number of concurrent searchers: all methods are thread-safe. Changes
 * ({@link #index}, {@link #delete}, {@link #deleteAll}) become visible to {@link #search} and {@link #count}
 * after {@link #refresh()} (near-real-time: nothing is synced to disk) or {@link #commit()} (durable). Results are
 * deterministic for the same data: ties are broken by advisory id.
 *
 * <p>The store is the system of record, so the index need not be durable at every change: each commit records a
 * store watermark ({@link #markIndexedThrough}) in its commit data, and whoever opens the index re-indexes what the
 * store changed after {@link #committedWatermark()}.
 */
public final class AdvisoryIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryIndex.class);

    /** Today's advisory scores up to 1.4× an equally relevant old one; the bonus halves every 180 days. */
    static final double RECENCY_WEIGHT = 0.4;
    static final double RECENCY_HALF_LIFE_DAYS = 180;

    private static final int SNIPPET_PASSAGES = 2;
    /**
     * Format of the documents, kept in the commit data: an index written with other fields or analysis is not
     * searched (it would silently miss things) but rebuilt from the store.
     */
    static final String SCHEMA_KEY = "shirase.schema";
    static final String SCHEMA = "3";
    /** In-memory indexing buffer: large enough for few flushes in a bulk load, small within a 512 MB heap. */
    static final double RAM_BUFFER_MB = 96;
    /** Commit data key of the store watermark (see {@link #markIndexedThrough}). */
    static final String WATERMARK_KEY = "shirase.store.watermark";
    /** Below this many entries per worker, splitting a batch across threads costs more than it saves. */
    private static final int MIN_PER_WORKER = 16;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final TextQueryParser parser;
    private final Clock clock;
    /** Writes documents in parallel (IndexWriter is thread-safe; each thread fills its own in-memory segment). */
    private final ExecutorService workers;
    private final int workerCount;
    private final LongAdder indexingCpu = new LongAdder();
    private final boolean rebuildRequired;
    /** Keeps the facet counts of whole segments between searches (see {@link FacetCounter}). */
    private final FacetCounter facets = new FacetCounter(SearchResults.FACET_DIMENSIONS);
    /** Ranks pages, keeping each segment's documents in date order between searches (see {@link DateOrder}). */
    private final HitRanking ranking = new HitRanking(HitRanking.EXACT_LIMIT,
            HitRanking.MAX_CONTENDERS, new DateOrder());
    /** Highest store watermark handed to {@link #markIndexedThrough}; goes into the next commit's data. */
    private final AtomicLong indexedThrough = new AtomicLong();
    /** Held for a commit, from setting its data to its end (also the commit of {@code close}). */
    private final Object commitLock = new Object();
    /** The watermark last put into the writer's commit data (guarded by {@link #commitLock}). */
    private long watermarkInCommitData;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Refreshes asked for ({@link #refresh()}), and the latest request a finished refresh covers. */
    private final AtomicLong refreshRequests = new AtomicLong();
    private final AtomicLong refreshedThrough = new AtomicLong();

    private AdvisoryIndex(Directory directory, Clock clock) throws IOException {
        this.directory = directory;
        this.clock = clock;
        this.analyzer = AdvisoryAnalyzers.create();
        TieredMergePolicy merges = new TieredMergePolicy();
        // Compound files save file handles, but cost a copy of every small segment: not worth it here.
        merges.setNoCFSRatio(0.0);
        Map<String, String> previous = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of(SCHEMA_KEY, SCHEMA);
        this.rebuildRequired = !SCHEMA.equals(previous.get(SCHEMA_KEY));
        if (rebuildRequired) {
            LOG.warn("search index at {} was written by another version (format {}, now {}): it starts empty and "
                    + "must be rebuilt from the store", directory, previous.getOrDefault(SCHEMA_KEY, "1"), SCHEMA);
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                // An outdated index is replaced at the next commit (until then its last commit stays on disk).
                .setOpenMode(rebuildRequired ? IndexWriterConfig.OpenMode.CREATE
                        : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setUseCompoundFile(false)
                .setMergePolicy(merges)
                .setMergeScheduler(new ConcurrentMergeScheduler() {
                    @Override
                    protected void doMerge(MergeSource source, MergePolicy.OneMerge merge) throws IOException {
                        super.doMerge(source, merge);
                        // Searches would keep the segments it replaced until the next ingest: a bulk load leaves a
                        // dozen where merges made five, and a phrase query costs per segment (2-3x slower).
                        refresh();
                    }
                });
        this.writer = new IndexWriter(directory, config);
        long committed = rebuildRequired ? 0 : watermarkOf(previous.entrySet());
        this.indexedThrough.set(committed);
        this.watermarkInCommitData = committed;
        writer.setLiveCommitData(commitData(committed));
        this.workerCount = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "shirase-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.searchers = new SearcherManager(writer, true, false, new SearcherFactory());
        this.parser = new TextQueryParser(analyzer);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static AdvisoryIndex open(Path dir) {
        return open(dir, Clock.systemUTC());
    }

    /** Opens (or creates) the index in {@code dir}; {@code clock} decides "today" for the recency boost. */
    public static AdvisoryIndex open(Path dir, Clock clock) {
        try {
            return new AdvisoryIndex(FSDirectory.open(dir), clock);
        } catch (IOException e) {
            throw new SearchIndexException("cannot open search index at " + dir, e);
        }
    }

    /** A heap-only index (tests, small tools). */
    public static AdvisoryIndex inMemory() {
        return inMemory(Clock.systemUTC());
    }

    public static AdvisoryIndex inMemory(Clock clock) {
        try {
            return new AdvisoryIndex(new ByteBuffersDirectory(), clock);
        } catch (IOException e) {
            throw new SearchIndexException("cannot create in-memory search index", e);
        }
    }

    /**
     * True when the directory held an index of another format: it was opened empty, and the caller must rebuild it
     * from the store (see {@code Reindexer}).
     */
    public boolean rebuildRequired() {
        return rebuildRequired;
    }

    /** Adds or replaces (by id) one advisory. */
    public void index(Advisory advisory, Collection<String> relatedIds, Collection<String> verdicts) {
        index(IndexEntry.of(advisory, relatedIds, verdicts));
    }

    /** Adds or replaces (by id) one advisory. */
    public void index(IndexEntry entry) {
        try {
            writer.updateDocument(new Term(IndexFields.ID, entry.advisory().id()), AdvisoryDocuments.toDocument(entry));
        } catch (IOException e) {
            throw new SearchIndexException("cannot index " + entry.advisory().id(), e);
        }
    }

    /** Adds or replaces every entry, using all worker threads (no commit: the caller commits once per batch). */
    public void indexAll(Iterable<IndexEntry> entries) {
        List<IndexEntry> list = new ArrayList<>();
        entries.forEach(list::add);
        join(indexAllAsync(list));
    }

    /**
     * Starts adding or replacing every entry on the worker threads and returns at once; the future completes when
     * all are written (or fails with a {@link SearchIndexException}). Entries with the same id must not be in one
     * call (their order would be undefined); calls made after the previous future completed are ordered.
     */
    public CompletableFuture<Void> indexAllAsync(List<IndexEntry> entries) {
        List<IndexEntry> list = List.copyOf(entries);
        if (list.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int parts = Math.max(1, Math.min(workerCount, list.size() / MIN_PER_WORKER));
        CompletableFuture<?>[] futures = new CompletableFuture<?>[parts];
        int size = (list.size() + parts - 1) / parts;
        for (int p = 0; p < parts; p++) {
            List<IndexEntry> part = list.subList(Math.min(list.size(), p * size), Math.min(list.size(), (p + 1) * size));
            futures[p] = CompletableFuture.runAsync(() -> writeTimed(part), workers);
        }
        return CompletableFuture.allOf(futures);
    }

    private void writeTimed(List<IndexEntry> part) {
        long start = threadCpuNanos();
        try {
            for (IndexEntry entry : part) {
                index(entry);
            }
        } finally {
            indexingCpu.add(threadCpuNanos() - start);
        }
    }

    /** Waits for an {@link #indexAllAsync} future, rethrowing its failure as it was thrown. */
    public static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SearchIndexException("indexing failed", e.getCause());
        }
    }

    /** CPU time the worker threads spent writing documents since this index was opened (for benchmarks). */
    public long indexingCpuNanos() {
        return indexingCpu.sum();
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0L;
    }

    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new SearchIndexException("cannot delete " + id, e);
        }
    }

    /** Removes everything (first step of a rebuild); visible after {@link #commit()}. */
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new SearchIndexException("cannot clear the search index", e);
        }
    }

    /**
     * Makes all changes durable and visible to searches, recording the store watermark marked so far. Commits are one
     * at a time, and the watermark is put in at the start of each: one marked while a commit is writing (for
     * documents that may have come too late for it) goes into the next commit, never into this one.
     */
    public void commit() {
        long wanted = refreshRequests.get();
        try {
            synchronized (commitLock) {
                putWatermarkInCommitData();
                writer.commit();
            }
            searchers.maybeRefreshBlocking();
            refreshedThrough.accumulateAndGet(wanted, Math::max);
        } catch (IOException e) {
            throw new SearchIndexException("cannot commit the search index", e);
        }
    }

    /**
     * Makes all changes written so far visible to every search that starts after this returns, without making them
     * durable. The near-real-time refresh itself (writing the in-memory segments out, no fsync) is done by the next
     * search, count or commit that needs it: a bulk load that nobody searches meanwhile pays for none, and a reader
     * never sees less than what was written before the last call.
     */
    public void refresh() {
        refreshRequests.incrementAndGet();
    }

    /** Before reading: the near-real-time refresh asked for by {@link #refresh()}, unless one since has covered it. */
    private void refreshIfRequested() {
        long wanted = refreshRequests.get();
        if (refreshedThrough.get() >= wanted) {
            return;
        }
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new SearchIndexException("cannot refresh the search index", e);
        }
        refreshedThrough.accumulateAndGet(wanted, Math::max);
    }

    /**
     * Records that every store change up to {@code watermark} has been written to this index (not yet committed):
     * the next {@link #commit()} (or {@link #close()}) stores it in its commit data. A lower value than one already
     * recorded is ignored.
     */
    public void markIndexedThrough(long watermark) {
        indexedThrough.accumulateAndGet(watermark, Math::max);
    }

    /** Before a commit: the watermark marked so far into the commit data (unchanged, it changes nothing). */
    private void putWatermarkInCommitData() {
        long watermark = indexedThrough.get();
        if (watermark > watermarkInCommitData) {
            writer.setLiveCommitData(commitData(watermark));
            watermarkInCommitData = watermark;
        }
    }

    /** What every commit records: the index format and the store watermark. */
    private static Iterable<Map.Entry<String, String>> commitData(long watermark) {
        return Map.of(SCHEMA_KEY, SCHEMA, WATERMARK_KEY, Long.toString(watermark)).entrySet();
    }

    /** The store watermark recorded by the last durable commit on disk (0 for a new index or one that has none). */
    public long committedWatermark() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return 0;
            }
            return watermarkOf(SegmentInfos.readLatestCommit(directory).getUserData().entrySet());
        } catch (IOException e) {
            throw new SearchIndexException("cannot read the last commit of the search index", e);
        }
    }

    /**
     * Waits until the background merges running now have finished (for benchmarks: a bulk load leaves merges of large
     * segments running for seconds afterwards, and searches meanwhile share the machine with them).
     */
    public void awaitMerges() {
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
            merges.sync();
        }
    }

    /** Whether changes were written since the last durable commit. */
    public boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    private static long watermarkOf(Iterable<Map.Entry<String, String>> commitData) {
        if (commitData != null) {
            for (Map.Entry<String, String> e : commitData) {
                if (WATERMARK_KEY.equals(e.getKey())) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    /**
     * Closes the index <em>without</em> committing, so everything since the last durable commit is lost as in a
     * crash of the process; later calls to {@link #close()} do nothing. Recovery tests use this.
     */
    public void closeWithoutCommit() {
        shutDown(false);
    }

    /** Closes once: with a commit (writer.close) or, as a crash would, without one (rollback). */
    private void shutDown(boolean commit) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        workers.shutdown();
        try {
            searchers.close();
            if (commit) {
                synchronized (commitLock) {
                    putWatermarkInCommitData();
                    writer.close();
                }
            } else {
                writer.rollback();
            }
            directory.close();
        } catch (IOException e) {
            throw new SearchIndexException("cannot close the search index", e);
        }
    }

    /** Segments searched now (for benchmarks). */
    public int segmentCount() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Number of advisories visible to searches. */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Runs a search; bad query syntax never throws (it is escaped or searched word by word). */
    public SearchResults search(SearchQuery q) {
        return withSearcher(searcher -> {
            try {
                return search(searcher, q);
            } catch (IndexSearcher.TooManyClauses e) {
                // A very long query: keep its first words rather than fail.
                String shorter = TextQueryParser.firstWords(q.text(), TextQueryParser.FALLBACK_WORDS);
                return search(searcher, q.withText(shorter));
            }
        });
    }

    private SearchResults search(IndexSearcher searcher, SearchQuery q) throws IOException {
        boolean matchAll = TextQueryParser.isMatchAll(q.text());
        Query text = matchAll ? new MatchAllDocsQuery() : parser.parse(q.text(),
                BigramPhrases.rarestIn(searcher.getIndexReader()));
        Query filtered = withFilters(text, q);
        HitSet hits = HitSet.of(searcher, filtered);
        Map<String, Map<String, Long>> facetCounts = q.facets() ? facets.count(hits) : Map.of();
        ScoreDoc[] page;
        if (matchAll) {
            page = ranking.newest(hits, q.offset(), q.limit());
        } else {
            // The filters are in the hits; as a filter beside the text they lead the exhaustive scoring passes.
            Query known = new BooleanQuery.Builder()
                    .add(text, BooleanClause.Occur.MUST)
                    .add(new HitSetQuery(hits), BooleanClause.Occur.FILTER)
                    .build();
            RecencyBoost recency = recency();
            Query boosted = FunctionScoreQuery.boostByValue(known, recency);
            page = q.sort() == SortOrder.DATE
                    ? ranking.newestScored(searcher, hits, boosted, q.offset(), q.limit())
                    // The text top-N of a broad query runs without the hit set: block-max WAND skips only in a
                    // conjunction of scoring clauses.
                    : ranking.mostRelevant(searcher, filtered, boosted, recency, hits, q.offset(), q.limit());
        }
        Query highlightQuery = matchAll ? new MatchAllDocsQuery() : parser.highlightQuery(q.text());
        return new SearchResults(hits.total(), hits(searcher, page, highlightQuery), facetCounts);
    }

    private RecencyBoost recency() {
        long today = LocalDate.now(clock).toEpochDay();
        return new RecencyBoost(IndexFields.PUBLISHED_DAY, today, RECENCY_WEIGHT, RECENCY_HALF_LIFE_DAYS);
    }

    private static Query withFilters(Query main, SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST);
        if (!q.sources().isEmpty()) {
            b.add(termsIn(IndexFields.SOURCE, q.sources()), BooleanClause.Occur.FILTER);
        }
        q.since().ifPresent(date -> b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED_DAY, date.toEpochDay(),
                Long.MAX_VALUE), BooleanClause.Occur.FILTER));
        if (!q.severities().isEmpty()) {
            b.add(termsIn(IndexFields.SEVERITY, q.severities().stream().map(Severity::name).toList()),
                    BooleanClause.Occur.FILTER);
        }
        if (!q.categories().isEmpty()) {
            b.add(termsIn(IndexFields.CATEGORY, q.categories().stream().map(Category::name).toList()),
                    BooleanClause.Occur.FILTER);
        }
        q.kev().ifPresent(kev -> b.add(new TermQuery(new Term(IndexFields.KEV, kev.toString())),
                BooleanClause.Occur.FILTER));
        q.year().ifPresent(year -> b.add(IntPoint.newExactQuery(IndexFields.YEAR, year), BooleanClause.Occur.FILTER));
        if (!q.verdicts().isEmpty()) {
            b.add(termsIn(IndexFields.VERDICT, q.verdicts()), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static Query termsIn(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().sorted().map(BytesRef::new).toList());
    }

    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] page, Query highlightQuery) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
        // Each stored document is read (and its block decompressed) once: the highlighter gets its text from here.
        StoredFields stored = searcher.storedFields();
        Map<Integer, Document> documents = new HashMap<>();
        for (int doc : docIds) {
            documents.put(doc, stored.document(doc));
        }
        String[] titles = new String[page.length];
        String[] snippets = new String[page.length];
        try {
            Map<String, String[]> marked = highlighter(searcher, documents).highlightFields(
                    new String[] {IndexFields.TITLE, IndexFields.SUMMARY}, highlightQuery, docIds,
                    new int[] {1, SNIPPET_PASSAGES});
            titles = marked.get(IndexFields.TITLE);
            snippets = marked.get(IndexFields.SUMMARY);
        } catch (RuntimeException e) {
            // An exotic query the highlighter cannot handle must not lose the results: fall back to plain text.
            LOG.debug("highlighting failed, showing plain text: {}", e.toString());
        }
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = documents.get(page[i].doc);
            String titleHtml = titles[i] != null ? titles[i] : HtmlText.escape(doc.get(IndexFields.TITLE));
            String snippetHtml = snippets[i] != null ? snippets[i] : HtmlText.escape(doc.get(IndexFields.SUMMARY));
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score; // match-all: no relevance
            hits.add(AdvisoryDocuments.toHit(doc, titleHtml, snippetHtml, score));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Document> documents) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(20_000)
                // Each query term marked where it occurs: for bigram text the marks of a word's overlapping bigrams
                // merge into one, at a fraction of the cost of matching whole phrases per hit shown. With no phrases
                // to match, the terms are found by filtering the re-analysed text, not through a MemoryIndex built
                // per hit (that was most of a search's garbage); the marks are the same.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withPassageRelevancyOverSpeed(false)
                .withScorer(new SmallPassageScorer());
        return new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // The title is shown whole; the summary as its best sentences.
                return IndexFields.TITLE.equals(field) ? new org.apache.lucene.search.uhighlight.WholeBreakIterator()
                        : BreakIterator.getSentenceInstance(Locale.JAPANESE);
            }

            @Override
            protected OffsetSource getOffsetSource(String field) {
                // Re-analysing the two short stored texts with the bigram chain is cheaper than opening a postings
                // enum per query term per hit (what the offsets in the postings cost); the marks are the same.
                return OffsetSource.ANALYSIS;
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Document document = documents.get(doc);
                    CharSequence[] row = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String value = document == null ? null : document.get(fields[f]);
                        row[f] = value == null ? "" : value;
                    }
                    values.add(row);
                }
                return values;
            }
        };
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        refreshIfRequested();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new SearchIndexException("cannot open a searcher", e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException | UncheckedIOException e) {
            throw new SearchIndexException("search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("cannot release searcher: {}", e.toString());
            }
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Commits (durably, with the latest {@link #markIndexedThrough watermark}) and closes. */
    @Override
    public void close() {
        shutDown(true);
    }

    /** Ids of all visible advisories (for consistency checks against the store). */
    public Set<String> ids() {
        return withSearcher(searcher -> {
            Set<String> ids = new java.util.TreeSet<>();
            StoredFields stored = searcher.storedFields();
            var reader = searcher.getIndexReader();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    ids.add(stored.document(doc, Set.of(IndexFields.ID)).get(IndexFields.ID));
                }
            }
            return ids;
        });
    }
}
