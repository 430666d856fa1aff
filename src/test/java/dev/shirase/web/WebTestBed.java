package dev.shirase.web;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.KevEntry;
import dev.shirase.config.ShiraseConfig.WebSettings;
import dev.shirase.deliver.Outbox;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.file.FileChannel;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.digest.Kind;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.source.SourceState;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import dev.shirase.store.SourceStateRepository;
import dev.shirase.web.adapter.InventoryMatchView;
import dev.shirase.web.adapter.OutboxDigestArchive;
import dev.shirase.web.adapter.StoreArchiveView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A real server on 127.0.0.1 (port 0) over the real components: an in-memory H2 store (Flyway-migrated) holding the
 * fixture advisories, KEV enrichment, source states, verdicts of two assets and one delivered digest, and a Lucene
 * index built from the stored advisories; plus an HTTP client for the tests.
 */
final class WebTestBed implements AutoCloseable {

    static final String CHROME_ID = "JVNDB-2026-037242";
    static final String AFFECTED_REASON = "Google Chrome 150.0.1 ≤ 155.0.8059.39 (sec:cpe google:chrome, JVNDB-2026-037242)";
    static final String MT_ID = "JVN#91153973";
    static final String CHECK_REASON = "Movable Type: version unknown (product name Movable Type, JVN#91153973)";
    static final List<Asset> ASSETS = List.of(
            new Asset("pc-chrome", "社内PC Chrome", "Google", "Google Chrome", Optional.of("150.0.1"), Optional.empty(),
                    List.of(), "情報システム部", Optional.empty(), 120),
            new Asset("web-mt", "広報サイト Movable Type", "Six Apart", "Movable Type", Optional.empty(), Optional.empty(),
                    List.of("MT"), "広報部", Optional.empty(), 1),
            new Asset("fw-main", "本社 FortiGate 60F", "Fortinet", "FortiOS", Optional.of("7.4.3"), Optional.empty(),
                    List.of(), "", Optional.empty(), 1));

    final Database db;
    final AdvisoryRepository advisories;
    final AdvisoryIndex index;
    final MatchRepository matches;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Path outboxDir;

    WebTestBed(String auth, Optional<String> userHeader, Optional<String> basicUsers) {
        db = Database.inMemory("web-" + UUID.randomUUID());
        advisories = new AdvisoryRepository(db);
        Instant now = Instant.parse("2026-10-10T00:00:00Z");
        advisories.upsertAll(FixtureAdvisories.all(), now);
        new EnrichmentRepository(db).upsertKev(List.of(new KevEntry("CVE-2026-25108", "Soliton", "FileZen",
                "Soliton FileZen OS Command Injection", LocalDate.parse("2026-02-14"), LocalDate.parse("2026-03-07"),
                false, "Apply mitigations per vendor instructions.")));

        SourceStateRepository sources = new SourceStateRepository(db);
        sources.save(SourceState.initial("jvndb").recordSuccess(now, Optional.empty(), Optional.empty(), 12));
        sources.save(SourceState.initial("jvn").recordSuccess(now, Optional.empty(), Optional.empty(), 15)
                .recordFailure(now.plusSeconds(3600), "HTTP 503 from https://jvn.jp/rss/jvn.rdf", Duration.ofMinutes(5)));

        matches = new MatchRepository(db);
        matches.replaceFor(CHROME_ID, List.of(new Match(CHROME_ID, "pc-chrome", Verdict.AFFECTED, AFFECTED_REASON,
                Optional.of("150.0.1"), "sec:cpe google:chrome")));
        matches.replaceFor(MT_ID, List.of(new Match(MT_ID, "web-mt", Verdict.CHECK, CHECK_REASON, Optional.empty(),
                "product name Movable Type")));

        index = AdvisoryIndex.inMemory();
        for (Advisory stored : advisories.findAll(FixtureAdvisories.all().stream().map(Advisory::id).toList())) {
            List<String> verdicts = matches.find(Optional.empty(), Optional.empty()).stream()
                    .filter(m -> m.advisoryId().equals(stored.id())).map(m -> m.verdict().name()).toList();
            index.index(stored, advisories.relatedIds(stored.id()), verdicts);
        }
        index.commit();

        try {
            outboxDir = Files.createTempDirectory("shirase-web-outbox");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Outbox outbox = new Outbox(db, List.of(new FileChannel("file", new FileSettings(outboxDir))));
        outbox.enqueue(new RenderedMessage("digest:staff:2026-10-02..2026-10-09", Kind.DIGEST,
                "【知らせ】今週のセキュリティ情報 (10/2〜10/9)", "今週の注意喚起: 1 件\n<script>alert(1)</script>", "<p>x</p>",
                List.of("{\"text\":\"x\"}"), "{}"), "file", now);
        outbox.deliverDue(now);

        StoreArchiveView archive = new StoreArchiveView(db, advisories, sources, index);
        InventoryMatchView matchView = new InventoryMatchView(matches, () -> ASSETS, advisories, Clock.systemUTC());
        server = new WebServer(new WebSettings("127.0.0.1", 0, "http://127.0.0.1", auth, userHeader, basicUsers),
                Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), Path.of("templates"), archive, matchView,
                new OutboxDigestArchive(db)).start("127.0.0.1", 0);
    }

    static WebTestBed open() {
        return new WebTestBed("none", Optional.empty(), Optional.empty());
    }

    static WebTestBed withProxyHeader() {
        return new WebTestBed("header", Optional.of("X-Forwarded-User"), Optional.empty());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
        try {
            index.close();
        } catch (RuntimeException e) {
            // already closed by a readiness test
        }
        db.close();
        try (var walk = Files.walk(outboxDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
