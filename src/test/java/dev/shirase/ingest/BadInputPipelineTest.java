package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.app.Services;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.source.SourceState;
import java.nio.file.Files;
import dev.shirase.ingest.FeedServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad input, end to end through the real fetcher, parsers, poller, store and index: the archive is
 * filled with good data first, then one source's document is broken; that source gets a clear error, the run goes
 * on, and nothing stored is lost.
 */
class BadInputPipelineTest {
    private static final String RDF = "application/rdf+xml";
    private static final String JVNDB = "/bad/jvndb.rdf";
    private static final String ICAT = "/bad/icat.json";
    private static final String JVN = "/bad/jvn.rdf";
    private static final byte[] JVNDB_BODY = FeedServer.fixture("jvndb-new-rss-sample.rdf");
    private static final byte[] ICAT_BODY = FeedServer.fixture("icat-json-sample.json");

    private static FeedServer server;
    private static Services services;
    private static List<String> archiveBefore;
    private static int advisoriesBefore;

    @BeforeAll
    static void fillTheArchive(@TempDir Path dir) throws IOException {
        server = new FeedServer();
        restoreGoodFeeds();
        server.put(JVN, Response.ok(FeedServer.fixture("jvn-rss-sample.rdf"), RDF));
        Files.writeString(dir.resolve("shirase.yaml"), "fetch:\n  timeout: 1s\n  max-bytes: 200000\n");
        Files.writeString(dir.resolve("feeds.yaml"), "sources:\n"
                + "  - id: jvndb\n    type: jvndb\n    url: " + server.uri(JVNDB) + "\n"
                + "  - id: icat\n    type: icat\n    url: " + server.uri(ICAT) + "\n"
                + "  - id: jvn\n    type: jvn\n    url: " + server.uri(JVN) + "\n");
        ShiraseConfig config = ShiraseConfig.load(dir.resolve("shirase.yaml"), true, EnvironmentResolver.system())
                .withDataDir(dir.resolve("data"))
                .withInventoryFile(dir.resolve("inventory.yaml"));
        services = Services.open(config, line -> { });
        assertThat(services.config().fetch().timeout()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(pollAll()).allSatisfy(r -> assertThat(r.status()).isEqualTo(PollReport.Status.OK));
        advisoriesBefore = services.advisories().count();
        archiveBefore = archive();
        assertThat(advisoriesBefore).isGreaterThan(30);
        assertThat(archiveBefore).hasSize(2 * advisoriesBefore);
    }

    @AfterAll
    static void stop() {
        services.close();
        server.close();
    }

    @AfterEach
    void restore() {
        restoreGoodFeeds();
    }

    private static void restoreGoodFeeds() {
        server.put(JVNDB, Response.ok(JVNDB_BODY, RDF).ignoringValidators());
        server.put(ICAT, Response.ok(ICAT_BODY, "application/json").ignoringValidators());
    }

    static Stream<Arguments> badInputs() throws IOException {
        String jvndb = new String(JVNDB_BODY, StandardCharsets.UTF_8);
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\">"
                + "<channel rdf:about=\"x\"><title>&lol4;</title><link>https://x/</link><description>d</description>"
                + "</channel></rdf:RDF>";
        String xxe = jvndb
                .replaceFirst("<rdf:RDF", "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rdf:RDF")
                .replaceFirst("<title>Google", "<title>&xxe;Google");
        byte[] sjis = jvndb.getBytes(Charset.forName("Shift_JIS"));
        String html = "<!DOCTYPE html><html><body><h1>メンテナンス中</h1></body></html>";
        return Stream.of(
                Arguments.of("malformed XML", JVNDB, Response.ok(utf8(jvndb.replace("</item>", "</itme>")), RDF),
                        "jvndb: not well-formed XML at line 41"),
                Arguments.of("truncated XML", JVNDB, Response.ok(half(JVNDB_BODY), RDF),
                        "jvndb: not well-formed XML"),
                Arguments.of("DOCTYPE with XXE", JVNDB, Response.ok(utf8(xxe), RDF),
                        "jvndb: refused a DOCTYPE declaration"),
                Arguments.of("billion laughs", JVNDB, Response.ok(utf8(billion), RDF),
                        "jvndb: refused a DOCTYPE declaration"),
                Arguments.of("HTML where XML was expected", JVNDB, Response.ok(utf8(html), "text/html; charset=UTF-8"),
                        "jvndb: got an HTML page, not an XML feed"),
                Arguments.of("Shift_JIS bytes declared as UTF-8", JVNDB, Response.ok(sjis, RDF),
                        "jvndb: the body is not valid UTF-8"),
                Arguments.of("gzip bomb", JVNDB,
                        Response.ok(gzipOfZeros(50_000_000), RDF).withHeader("Content-Encoding", "gzip"),
                        "larger than 200000 bytes after decompression"),
                Arguments.of("HTTP 500", JVNDB, new Response(500, utf8("Internal Server Error"), "text/plain",
                        null, null, java.util.Map.of(), 0, false), "HTTP 500"),
                Arguments.of("timeout", JVNDB, Response.ok(JVNDB_BODY, RDF).withDelay(3_000),
                        "no response from 127.0.0.1 within 1 s"),
                Arguments.of("truncated JSON", ICAT, Response.ok(half(ICAT_BODY), "application/json"),
                        "icat: not valid JSON"),
                Arguments.of("HTML where JSON was expected", ICAT,
                        Response.ok(utf8("<html><body>Access Denied</body></html>"), "text/html"),
                        "icat: got HTML/XML instead of JSON"),
                Arguments.of("icat error reply", ICAT,
                        Response.ok(FeedServer.fixture("icat-json-error-sample.json"), "application/json"),
                        "icat: IRSS-0103"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsItsSourceOnlyAndLosesNothing(String what, String path, Response bad, String reason) {
        server.put(path, bad);
        String broken = path.equals(JVNDB) ? "jvndb" : "icat";

        List<PollReport> reports = pollAll();

        for (PollReport r : reports) {
            if (r.sourceId().equals(broken)) {
                assertThat(r.status()).as(what).isEqualTo(PollReport.Status.ERROR);
                assertThat(r.error().orElseThrow()).as(what).contains(reason);
                assertThat(r.added()).isZero();
                assertThat(r.updated()).isZero();
            } else {
                assertThat(r.status()).as(r.sourceId()).isIn(PollReport.Status.OK, PollReport.Status.NOT_MODIFIED);
                assertThat(r.error()).isEmpty();
            }
        }
        SourceState state = services.sourceStates().load(broken).orElseThrow();
        assertThat(state.healthy()).as(what).isFalse();
        assertThat(state.lastError()).contains(reports.stream().filter(r -> r.sourceId().equals(broken))
                .findFirst().orElseThrow().error().orElseThrow());
        assertThat(state.lastSuccess()).isPresent();
        assertThat(state.healthReason()).startsWith("failing: ").contains(reason);
        assertThat(services.sourceStates().load("jvn").orElseThrow().healthy()).isTrue();
        assertThat(services.advisories().count()).isEqualTo(advisoriesBefore);
        assertThat(archive()).as(what).isEqualTo(archiveBefore);

        // once the feed is good again the source recovers and nothing is counted twice
        restoreGoodFeeds();
        PollReport recovered = poll(broken);
        assertThat(recovered.status()).isEqualTo(PollReport.Status.OK);
        assertThat(recovered.added()).isZero();
        assertThat(recovered.updated()).isZero();
        assertThat(services.sourceStates().load(broken).orElseThrow().healthy()).isTrue();
    }

    @Test
    void aMislabelledCharsetOnAUtf8FeedChangesNothing() {
        server.put(JVNDB, Response.ok(JVNDB_BODY, "application/rdf+xml; charset=Shift_JIS"));
        PollReport r = poll("jvndb");
        assertThat(r.status()).isEqualTo(PollReport.Status.OK);
        assertThat(r.added()).isZero();
        assertThat(r.updated()).as("a mis-decoded title would count as a revision").isZero();
        assertThat(archive()).isEqualTo(archiveBefore);
    }

    private static List<PollReport> pollAll() {
        SourcePoller poller = services.poller(services.gapFiller());
        return services.feeds().sources().stream().map(poller::poll).toList();
    }

    private static PollReport poll(String id) {
        return services.poller(services.gapFiller()).poll(services.feeds().byId(id).orElseThrow());
    }

    /** Every stored advisory as the index shows it, and as the store holds it. */
    static List<String> archive() {
        List<String> out = new ArrayList<>();
        for (SearchHit h : services.index().search(SearchQuery.all().withPage(0, 1000)).hits()) {
            out.add(String.join(" | ", h.id(), h.source(), h.title(), h.url(), h.published().toString(),
                    h.cves().toString(), h.related().toString()));
        }
        services.advisories().forEach(a -> out.add(a.id() + " r" + a.revision() + " " + a.title()));
        out.sort(null);
        return out;
    }

    private static byte[] half(byte[] body) {
        return java.util.Arrays.copyOf(body, body.length / 2);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzipOfZeros(int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] chunk = new byte[1 << 16];
            for (int written = 0; written < n; written += chunk.length) {
                gz.write(chunk);
            }
        }
        return bytes.toByteArray();
    }
}
