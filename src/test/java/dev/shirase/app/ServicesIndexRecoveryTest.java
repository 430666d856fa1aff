package dev.shirase.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.bench.JvndbFeedGenerator;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.JvndbParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the services after a crash re-indexes from the store what the index had not committed. */
class ServicesIndexRecoveryTest {

    private static final Instant T1 = Instant.parse("2026-10-09T00:00:00Z");

    @TempDir
    Path dir;
    private final List<String> progress = new ArrayList<>();

    private Services open() {
        return Services.open(ShiraseConfig.defaults(dir), Clock.systemUTC(), EnvironmentResolver.system(),
                progress::add);
    }

    private static ParsedFeed generated(int first, int count) throws Exception {
        return new JvndbParser().parse(new ByteArrayInputStream(new JvndbFeedGenerator().page(first, count)),
                "application/rdf+xml", new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"),
                        null, true));
    }

    private static List<String> ids(ParsedFeed feed) {
        return feed.advisories().stream().map(Advisory::id).toList();
    }

    private static List<String> found(Services services, String id) {
        return services.index().search(SearchQuery.of(id)).hits().stream().map(h -> h.id()).filter(id::equals)
                .toList();
    }

    @Test
    void aCleanShutdownCommitsAndACrashIsCaughtUpWhenTheServicesOpen() throws Exception {
        ParsedFeed first = generated(0, 30);
        try (Services services = open()) {
            services.ingestor().ingest(first, T1);
        }
        ParsedFeed lost = generated(30, 30);
        try (Services services = open()) {
            // The clean shutdown committed everything: nothing to catch up.
            assertThat(services.index().count()).isEqualTo(30);
            services.ingestor().ingest(lost, T1.plusSeconds(60));
            // Searchable right after the ingest (no durable commit was due yet).
            assertThat(found(services, ids(lost).get(5))).hasSize(1);
            assertThat(services.index().hasUncommittedChanges()).isTrue();
            services.index().closeWithoutCommit(); // the crash
        }
        assertThat(progress).noneMatch(line -> line.contains("re-indexed"));

        try (Services services = open()) {
            assertThat(progress).contains("search index: re-indexed 30 advisories changed after its last commit");
            assertThat(services.index().ids()).hasSize(60).containsAll(ids(first)).containsAll(ids(lost));
            assertThat(found(services, ids(lost).get(5))).hasSize(1);
            assertThat(services.index().committedWatermark()).isEqualTo(services.advisories().lastChange());
        }
    }

    @Test
    void anIndexWrittenByAnOlderVersionIsRebuiltWholeFromTheStore() throws Exception {
        ParsedFeed feed = generated(0, 40);
        try (Services services = open()) {
            services.ingestor().ingest(feed, T1);
        }
        // The index as the previous version left it: its commit data carries no format.
        Path indexDir = ShiraseConfig.defaults(dir).indexDir();
        try (var writer = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(indexDir),
                new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("shirase.store.watermark", "999999").entrySet());
            writer.commit();
        }
        try (Services services = open()) {
            assertThat(progress).contains("search index: written by an older version, rebuilding it from the store",
                    "search index: rebuilt, 40 advisories");
            assertThat(services.index().rebuildRequired()).isTrue();
            assertThat(services.index().ids()).containsExactlyInAnyOrderElementsOf(ids(feed));
            assertThat(found(services, ids(feed).get(7))).hasSize(1);
        }
        progress.clear();
        try (Services services = open()) {
            assertThat(services.index().rebuildRequired()).isFalse();
            assertThat(services.index().count()).isEqualTo(40);
            assertThat(progress).noneMatch(line -> line.startsWith("search index:"));
        }
    }
}
