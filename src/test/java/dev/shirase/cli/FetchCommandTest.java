package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.ingest.FeedServer;
import dev.shirase.ingest.FeedServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch / status / search end to end through a local HTTP server: conditional GET and the JSON shapes. */
class FetchCommandTest {
    private static final String RDF = "application/rdf+xml";
    private static FeedServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Cli cli(String... idPathType) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < idPathType.length; i += 3) {
            yaml.append("  - id: ").append(idPathType[i]).append('\n')
                    .append("    type: ").append(idPathType[i + 2]).append('\n')
                    .append("    url: ").append(server.uri(idPathType[i + 1])).append('\n');
        }
        return new Cli(dir).feeds(yaml.toString());
    }

    @Test
    void etagGivesNotModifiedOnTheSecondFetch() {
        server.put("/etag/jvndb.rdf", Response.ok(FeedServer.fixture("jvndb-new-rss-sample.rdf"), RDF)
                .withEtag("\"v1\""));
        Cli cli = cli("jvndb", "/etag/jvndb.rdf", "jvndb");

        Cli.Run first = cli.run("fetch", "--json");
        assertThat(first.exit()).as(first.toString()).isZero();
        JsonNode s1 = first.json().get("sources").get(0);
        assertThat(s1.get("id").asText()).isEqualTo("jvndb");
        assertThat(s1.get("status").asText()).isEqualTo("ok");
        assertThat(s1.get("new").asInt()).isEqualTo(12);
        assertThat(s1.get("updated").asInt()).isZero();
        assertThat(s1.has("error")).isTrue();
        assertThat(s1.get("error").isNull()).isTrue();

        Cli.Run second = cli.run("fetch", "--json");
        assertThat(second.exit()).as(second.toString()).isZero();
        JsonNode s2 = second.json().get("sources").get(0);
        assertThat(s2.get("status").asText()).isEqualTo("not_modified");
        assertThat(s2.get("new").asInt()).isZero();
        assertThat(s2.get("updated").asInt()).isZero();
        assertThat(s2.get("error").isNull()).isTrue();

        List<FeedServer.Seen> seen = server.requests("/etag/jvndb.rdf");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).ifNoneMatch()).isNull();
        assertThat(seen.get(1).ifNoneMatch()).isEqualTo("\"v1\"");
    }

    @Test
    void lastModifiedGivesNotModifiedOnTheSecondFetch() {
        String date = "Thu, 08 Oct 2026 11:00:00 GMT";
        server.put("/lm/jvn.rdf", Response.ok(FeedServer.fixture("jvn-rss-sample.rdf"), RDF).withLastModified(date));
        Cli cli = cli("jvn", "/lm/jvn.rdf", "jvn");

        JsonNode first = cli.run("fetch", "--json").json().get("sources").get(0);
        assertThat(first.get("status").asText()).isEqualTo("ok");
        assertThat(first.get("new").asInt()).isGreaterThan(0);

        Cli.Run again = cli.run("fetch", "--json");
        JsonNode second = again.json().get("sources").get(0);
        assertThat(second.get("status").asText()).isEqualTo("not_modified");
        assertThat(second.get("new").asInt()).isZero();
        assertThat(server.requests("/lm/jvn.rdf").get(1).ifModifiedSince()).isEqualTo(date);
        assertThat(again.exit()).isZero();
    }

    @Test
    void statusAndSearchJsonHaveTheDocumentedShape() {
        server.put("/shape/jvndb.rdf", Response.ok(FeedServer.fixture("jvndb-new-rss-sample.rdf"), RDF));
        Cli cli = cli("jvndb", "/shape/jvndb.rdf", "jvndb");
        assertThat(cli.run("fetch").exit()).isZero();

        Cli.Run status = cli.run("status", "--json");
        assertThat(status.exit()).as(status.toString()).isZero();
        JsonNode row = status.json().get("sources").get(0);
        assertThat(row.get("id").asText()).isEqualTo("jvndb");
        assertThat(row.get("healthy").asBoolean()).isTrue();
        assertThat(row.get("lastSuccess").isTextual()).isTrue();
        assertThat(row.get("lastError").isNull()).isTrue();
        assertThat(row.get("items").asInt()).isEqualTo(12);

        Cli.Run search = cli.run("search", "JVNDB-2026-037242", "--json");
        assertThat(search.exit()).as(search.toString()).isZero();
        JsonNode json = search.json();
        assertThat(json.get("total").asInt()).isEqualTo(1);
        JsonNode hit = json.get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("JVNDB-2026-037242");
        assertThat(hit.get("title").asText())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
        assertThat(hit.get("url").asText()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html");
        assertThat(hit.get("source").asText()).isEqualTo("jvndb");
        assertThat(hit.get("published").asText()).isEqualTo("2026-10-08T19:59:00+09:00");
        assertThat(texts(hit.get("cves"))).containsExactly("CVE-2026-106302");
        assertThat(hit.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(hit.get("related").isArray()).isTrue();
        assertThat(hit.get("related")).isEmpty();
    }

    @Test
    void oneBrokenSourceAmongHealthyOnesExitsOneAndTheOthersAreIngested() {
        server.put("/mix/jvndb.rdf", Response.ok(FeedServer.fixture("jvndb-new-rss-sample.rdf"), RDF));
        server.put("/mix/jpcert.rdf", Response.ok(FeedServer.fixture("jpcert-rss-sample.rdf"), RDF));
        server.put("/mix/jvn.rdf", new Response(500, "oops".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain", null, null, java.util.Map.of(), 0, false));
        Cli cli = cli("jvndb", "/mix/jvndb.rdf", "jvndb", "jvn", "/mix/jvn.rdf", "jvn",
                "jpcert", "/mix/jpcert.rdf", "jpcert");

        Cli.Run fetch = cli.run("fetch");
        assertThat(fetch.exit()).as(fetch.toString()).isEqualTo(1);
        assertThat(fetch.out()).contains("jvndb        ok: 12 new, 0 updated, 0 unchanged")
                .contains("jvn          ERROR: HTTP 500 from 127.0.0.1");

        Cli.Run status = cli.run("status", "--json");
        assertThat(status.exit()).isEqualTo(1);
        JsonNode json = status.json();
        assertThat(json.get("advisories").asInt()).isEqualTo(12 + 12);
        for (JsonNode row : json.get("sources")) {
            String id = row.get("id").asText();
            if (id.equals("jvn")) {
                assertThat(row.get("healthy").asBoolean()).isFalse();
                assertThat(row.get("lastSuccess").isNull()).isTrue();
                assertThat(row.get("lastError").asText()).isEqualTo("HTTP 500 from 127.0.0.1");
                assertThat(row.get("reason").asText()).startsWith("never fetched successfully: ")
                        .contains("HTTP 500 from 127.0.0.1");
                assertThat(row.get("items").asInt()).isZero();
            } else {
                assertThat(row.get("healthy").asBoolean()).as(id).isTrue();
                assertThat(row.get("lastError").isNull()).isTrue();
                assertThat(row.get("items").asInt()).isEqualTo(12);
            }
        }
        Cli.Run text = cli.run("status");
        assertThat(text.out()).containsPattern("jvn +UNHEALTHY never fetched successfully");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
