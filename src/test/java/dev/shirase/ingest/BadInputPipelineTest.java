package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.cli.Cli;
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
 * Each kind of bad input, end to end through fetch → poller: the archive is filled with good data first, then one
 * source's document is broken; that source gets a clear error, the run goes on, and nothing stored is lost.
 */
class BadInputPipelineTest {
    private static final String RDF = "application/rdf+xml";
    private static final String JVNDB = "/bad/jvndb.rdf";
    private static final String ICAT = "/bad/icat.json";
    private static final String JVN = "/bad/jvn.rdf";
    private static final byte[] JVNDB_BODY = FeedServer.fixture("jvndb-new-rss-sample.rdf");
    private static final byte[] ICAT_BODY = FeedServer.fixture("icat-json-sample.json");

    private static FeedServer server;
    private static Cli cli;
    private static List<String> archiveBefore;
    private static int advisoriesBefore;

    @BeforeAll
    static void fillTheArchive(@TempDir Path dir) {
        server = new FeedServer();
        restoreGoodFeeds();
        server.put(JVN, Response.ok(FeedServer.fixture("jvn-rss-sample.rdf"), RDF));
        cli = new Cli(dir)
                .config("fetch:\n  timeout: 1s\n  max-bytes: 200000\n")
                .feeds("sources:\n"
                        + "  - id: jvndb\n    type: jvndb\n    url: " + server.uri(JVNDB) + "\n"
                        + "  - id: icat\n    type: icat\n    url: " + server.uri(ICAT) + "\n"
                        + "  - id: jvn\n    type: jvn\n    url: " + server.uri(JVN) + "\n");
        Cli.Run first = cli.run("fetch", "--json");
        assertThat(first.exit()).as(first.toString()).isZero();
        archiveBefore = archive();
        advisoriesBefore = cli.run("status", "--json").json().get("advisories").asInt();
        assertThat(advisoriesBefore).isGreaterThan(30);
        assertThat(archiveBefore).hasSize(advisoriesBefore);
    }

    @AfterAll
    static void stop() {
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
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                + "<channel rdf:about=\"x\"><title>&lol4;</title><link>https://x/</link><description>d</description>"
                + "</channel></rdf:RDF>";
        String xxe = jvndb.replaceFirst("<rdf:RDF", "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rdf:RDF")
                .replaceFirst("<title>Google", "<title>&xxe;Google");
        byte[] sjis = jvndb.getBytes(Charset.forName("Shift_JIS"));
        return Stream.of(
                Arguments.of("malformed XML", JVNDB,
                        Response.ok(utf8(jvndb.replace("</item>", "</itme>")), RDF), "jvndb: not well-formed XML at line 41"),
                Arguments.of("truncated XML", JVNDB,
                        Response.ok(java.util.Arrays.copyOf(JVNDB_BODY, JVNDB_BODY.length / 2), RDF), "jvndb: not well-formed XML"),
                Arguments.of("DOCTYPE with XXE", JVNDB, Response.ok(utf8(xxe), RDF), "jvndb: refused a DOCTYPE declaration"),
                Arguments.of("billion laughs", JVNDB, Response.ok(utf8(billion), RDF), "jvndb: refused a DOCTYPE declaration"),
                Arguments.of("HTML where XML was expected", JVNDB, Response.ok(
                        utf8("<!DOCTYPE html><html><body><h1>メンテナンス中</h1></body></html>"), "text/html; charset=UTF-8"), "jvndb: got an HTML page, not an XML feed"),
                Arguments.of("Shift_JIS bytes declared as UTF-8", JVNDB, Response.ok(sjis, RDF), "jvndb: the body is not valid UTF-8"),
                Arguments.of("gzip bomb", JVNDB, Response.ok(gzipOfZeros(50_000_000), RDF)
                        .withHeader("Content-Encoding", "gzip"), "larger than 200000 bytes after decompression"),
                Arguments.of("HTTP 500", JVNDB, new Response(500, utf8("Internal Server Error"), "text/plain",
                        null, null, java.util.Map.of(), 0, false), "HTTP 500"),
                Arguments.of("timeout", JVNDB, Response.ok(JVNDB_BODY, RDF).withDelay(3_000), "no response from 127.0.0.1 within 1 s"),
                Arguments.of("truncated JSON", ICAT,
                        Response.ok(java.util.Arrays.copyOf(ICAT_BODY, ICAT_BODY.length / 2), "application/json"), "icat: not valid JSON"),
                Arguments.of("HTML where JSON was expected", ICAT,
                        Response.ok(utf8("<html><body>Access Denied</body></html>"), "text/html"), "icat: got HTML/XML instead of JSON"),
                Arguments.of("icat error reply", ICAT,
                        Response.ok(FeedServer.fixture("icat-json-error-sample.json"), "application/json"), "icat: IRSS-0103"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsItsSourceOnlyAndLosesNothing(String what, String path, Response bad, String reason) {
        server.put(path, bad);
        String broken = path.equals(JVNDB) ? "jvndb" : "icat";

        Cli.Run fetch = cli.run("fetch", "--json");

        assertThat(fetch.exit()).as(fetch.toString()).isEqualTo(1);
        JsonNode reports = fetch.json().get("sources");
        for (JsonNode r : reports) {
            if (r.get("id").asText().equals(broken)) {
                assertThat(r.get("status").asText()).as(what).isEqualTo("error");
                assertThat(r.get("error").asText()).as(what).contains(reason);
                assertThat(r.get("new").asInt()).isZero();
            } else {
                assertThat(r.get("status").asText()).as(r.get("id").asText()).isIn("ok", "not_modified");
                assertThat(r.get("error").isNull()).isTrue();
            }
        }
        JsonNode status = cli.run("status", "--json").json();
        JsonNode row = row(status, broken);
        assertThat(row.get("healthy").asBoolean()).as(what).isFalse();
        assertThat(row.get("lastError").asText()).isEqualTo(errorOf(reports, broken));
        assertThat(row.get("lastSuccess").isTextual()).isTrue();
        assertThat(row(status, "jvn").get("healthy").asBoolean()).isTrue();
        assertThat(status.get("advisories").asInt()).isEqualTo(advisoriesBefore);
        assertThat(archive()).as(what).isEqualTo(archiveBefore);

        // once the feed is good again the source recovers and nothing is counted twice
        restoreGoodFeeds();
        Cli.Run again = cli.run("fetch", "--json", "--source", broken);
        JsonNode recovered = again.json().get("sources").get(0);
        assertThat(recovered.get("status").asText()).as(again.toString()).isEqualTo("ok");
        assertThat(recovered.get("new").asInt()).isZero();
        assertThat(recovered.get("updated").asInt()).isZero();
        assertThat(row(cli.run("status", "--json").json(), broken).get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aMislabelledCharsetOnAUtf8FeedChangesNothing() {
        server.put(JVNDB, Response.ok(JVNDB_BODY, "application/rdf+xml; charset=Shift_JIS"));
        Cli.Run fetch = cli.run("fetch", "--json", "--source", "jvndb");
        JsonNode r = fetch.json().get("sources").get(0);
        assertThat(r.get("status").asText()).as(fetch.toString()).isEqualTo("ok");
        assertThat(r.get("new").asInt()).isZero();
        assertThat(r.get("updated").asInt()).as("a mis-decoded title would count as a revision").isZero();
        assertThat(archive()).isEqualTo(archiveBefore);
    }

    private static String errorOf(JsonNode reports, String id) {
        for (JsonNode r : reports) {
            if (r.get("id").asText().equals(id)) {
                return r.get("error").asText();
            }
        }
        throw new AssertionError(id);
    }

    static JsonNode row(JsonNode status, String id) {
        for (JsonNode r : status.get("sources")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no status row " + id + " in " + status);
    }

    /** Every stored advisory as the search shows it (scores left out: the recency boost moves with the clock). */
    static List<String> archive() {
        Cli.Run all = cli.run("search", "--json", "--limit", "1000");
        List<String> out = new ArrayList<>();
        for (JsonNode h : all.json().get("hits")) {
            out.add(String.join(" | ", h.get("id").asText(), h.get("source").asText(), h.get("title").asText(),
                    h.get("url").asText(), h.get("published").asText(), h.get("cves").toString(),
                    h.get("related").toString()));
        }
        out.sort(null);
        return out;
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
