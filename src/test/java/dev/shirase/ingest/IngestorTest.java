package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.bench.JvndbFeedGenerator;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.JvndbParser;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest end to end on a real H2 store and index: batches pipelined, correlation, listener and verdicts. */
class IngestorTest {

    private static final Instant T1 = Instant.parse("2026-10-09T00:00:00Z");
    private static final int ITEMS = 300; // more than one store/index batch

    private Database db;
    private AdvisoryIndex index;
    private AdvisoryRepository advisories;
    private final List<String> told = new ArrayList<>();
    private final List<Advisory> toldAdvisories = new ArrayList<>();
    private String affected;

    @BeforeEach
    void open() {
        db = Database.inMemory("ingest-" + UUID.randomUUID());
        index = AdvisoryIndex.inMemory();
        advisories = new AdvisoryRepository(db);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private Ingestor ingestor() {
        return new Ingestor(advisories, new EnrichmentRepository(db), index, new ArchiveListener() {
            @Override
            public void advisoriesChanged(List<Advisory> changed) {
                changed.forEach(a -> {
                    // Stored before the listener hears of it, with its stored revision.
                    assertThat(a.revision()).isPositive();
                    told.add(a.id());
                    toldAdvisories.add(a);
                });
            }

            @Override
            public Map<String, Set<String>> verdicts(Collection<String> ids) {
                return affected != null && ids.contains(affected) ? Map.of(affected, Set.of("該当")) : Map.of();
            }
        });
    }

    private static ParsedFeed generated() throws Exception {
        byte[] doc = new JvndbFeedGenerator().page(0, ITEMS);
        return new JvndbParser().parse(new ByteArrayInputStream(doc), "application/rdf+xml",
                new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"), null, true));
    }

    @Test
    void storesIndexesAndCorrelatesAcrossBatches() throws Exception {
        ParsedFeed feed = generated();
        List<String> ids = feed.advisories().stream().map(Advisory::id).toList();
        affected = ids.get(260);
        Ingestor ingestor = ingestor();

        IngestResult first = ingestor.ingest(feed, T1);

        assertThat(first.added()).isEqualTo(ITEMS);
        assertThat(first.changedIds()).isEqualTo(ids);
        assertThat(told).isEqualTo(ids);
        // What the listener and the index got is exactly what the store gives back.
        assertThat(toldAdvisories).isEqualTo(advisories.findAll(ids));
        assertThat(advisories.count()).isEqualTo(ITEMS);
        assertThat(index.count()).isEqualTo(ITEMS);
        assertThat(index.ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(index.search(SearchQuery.of("").withVerdicts(List.of("該当"))).hits())
                .extracting(SearchHit::id).containsExactly(affected);
        assertThat(ingestor.stageTimes().wallNanos(StageTimes.Stage.STORE)).isPositive();
        assertThat(ingestor.stageTimes().cpuNanos(StageTimes.Stage.INDEX)).isPositive();

        // The same feed again changes nothing and tells nobody.
        told.clear();
        IngestResult again = ingestor.ingest(feed, T1.plusSeconds(3600));
        assertThat(again.unchanged()).isEqualTo(ITEMS);
        assertThat(again.changedIds()).isEmpty();
        assertThat(told).isEmpty();
        assertThat(index.count()).isEqualTo(ITEMS);

        // A JVN advisory naming the CVE of item 150 joins its threat: both documents show the link.
        Advisory target = feed.advisories().stream().skip(150).filter(a -> !a.cves().isEmpty()).findFirst()
                .orElseThrow();
        OffsetDateTime at = OffsetDateTime.parse("2026-10-08T20:00:00+09:00");
        Advisory jvn = Advisory.parsed("JVNVU#99999999", "jvn", "https://jvn.jp/vu/JVNVU99999999/",
                "関連する注意喚起", "", at, at, Category.VULNERABILITY,
                Set.of(Identifier.of(IdentifierType.JVNVU, "JVNVU#99999999"),
                        Identifier.of(IdentifierType.CVE, target.cves().get(0))), List.of(), List.of(), List.of());
        IngestResult linked = ingestor.ingest(ParsedFeed.ofAdvisories(List.of(jvn)), T1.plusSeconds(7200));

        assertThat(linked.added()).isEqualTo(1);
        assertThat(told).containsExactly("JVNVU#99999999");
        assertThat(hit("JVNVU#99999999").related()).containsExactly(target.id());
        assertThat(hit(target.id()).related()).containsExactly("JVNVU#99999999");
        assertThat(index.count()).isEqualTo(ITEMS + 1);
    }

    private SearchHit hit(String id) {
        return index.search(SearchQuery.of(id)).hits().stream().filter(h -> h.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
