package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.advisory.Advisory;
import dev.shirase.ingest.FeedServer;
import dev.shirase.ingest.FeedServer.Response;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive through the command line: correlation across JVN iPedia, JVN, JPCERT/CC and IPA, the Japanese search
 * cases, reindex equality, and revision handling, on feeds served by a local HTTP server.
 */
class ArchiveCliTest {
    private static final String RDF = "application/rdf+xml";
    private static FeedServer server;
    private static Cli cli;

    @BeforeAll
    static void ingestFourSources(@TempDir Path dir) {
        server = new FeedServer();
        server.put("/a/jvndb.rdf", Response.ok(FeedServer.fixture("jvndb-new-rss-sample.rdf"), RDF));
        server.put("/a/jvn.rdf", Response.ok(FeedServer.fixture("jvn-rss-sample.rdf"), RDF));
        server.put("/a/jpcert.rdf", Response.ok(FeedServer.fixture("jpcert-rss-sample.rdf"), RDF));
        server.put("/a/ipa.rdf", Response.ok(FeedServer.fixture("ipa-alert-rss-sample.rdf"), RDF));
        cli = new Cli(dir).feeds(feeds("jvndb", "/a/jvndb.rdf", "jvn", "/a/jvn.rdf", "jpcert", "/a/jpcert.rdf",
                "ipa-alert", "/a/ipa.rdf"));
        Cli.Run fetch = cli.run("fetch", "--json");
        assertThat(fetch.exit()).as(fetch.toString()).isZero();
        for (JsonNode r : fetch.json().get("sources")) {
            assertThat(r.get("status").asText()).isEqualTo("ok");
            assertThat(r.get("new").asInt()).as(r.get("id").asText()).isGreaterThan(0);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** id/path pairs; the type is the id. */
    static String feeds(String... idPath) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < idPath.length; i += 2) {
            yaml.append("  - id: ").append(idPath[i]).append("\n    type: ").append(idPath[i])
                    .append("\n    url: ").append(server.uri(idPath[i + 1])).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void advisoriesSharingAnIdentifierListEachOtherAsRelated() {
        Map<String, JsonNode> jvnvu = hitsById(search("JVNVU#94062711"));
        assertThat(jvnvu).containsOnlyKeys("JVNVU#94062711", "JVNDB-2026-036917");
        assertThat(texts(jvnvu.get("JVNDB-2026-036917").get("related"))).containsExactly("JVNVU#94062711");
        assertThat(texts(jvnvu.get("JVNVU#94062711").get("related"))).containsExactly("JVNDB-2026-036917");
        assertThat(jvnvu.get("JVNVU#94062711").get("source").asText()).isEqualTo("jvn");

        // a JPCERT/CC alert and an IPA alert naming the same CVE are one threat
        Map<String, JsonNode> watchguard = hitsById(search("CVE-2025-14733"));
        assertThat(watchguard).hasSize(2);
        List<String> sources = new ArrayList<>();
        watchguard.values().forEach(h -> sources.add(h.get("source").asText()));
        assertThat(sources).containsExactlyInAnyOrder("jpcert", "ipa-alert");
        watchguard.forEach((id, hit) -> {
            assertThat(texts(hit.get("cves"))).contains("CVE-2025-14733");
            assertThat(texts(hit.get("related"))).containsExactlyElementsOf(
                    watchguard.keySet().stream().filter(other -> !other.equals(id)).toList());
        });
    }

    @Test
    void twoCharacterJapaneseTermsHit() {
        Map<String, JsonNode> hits = hitsById(search("認証"));
        assertThat(hits).containsKeys("JVNDB-2026-036914", "JVNDB-2026-036909");
        assertThat(hits.values()).anySatisfy(h -> assertThat(h.get("title").asText())
                .isEqualTo("Fortinet製品における認証回避の脆弱性について（CVE-2025-59718等）"));
    }

    @Test
    void fullWidthLatinFindsChrome() {
        Map<String, JsonNode> full = hitsById(search("ＣＨＲＯＭＥ"));
        assertThat(full).containsOnlyKeys("JVNDB-2026-037242", "JVNDB-2026-037241", "JPCERT-WR-2026-0226-3");
        assertThat(full.get("JPCERT-WR-2026-0226-3").get("title").asText())
                .isEqualTo("Weekly Report: Google Chromeに複数の脆弱性");
        assertThat(hitsById(search("chrome")).keySet()).isEqualTo(full.keySet());
    }

    @Test
    void anIdentifierFindsEveryAdvisoryCarryingIt() {
        assertThat(hitsById(search("CVE-2026-106302"))).containsOnlyKeys("JVNDB-2026-037242");
        // the JVN advisory of the same threat comes along, after the one that carries the id
        JsonNode jvndb = search("JVNDB-2026-036917");
        assertThat(hitsById(jvndb)).containsOnlyKeys("JVNDB-2026-036917", "JVNVU#94062711");
        assertThat(jvndb.get("hits").get(0).get("id").asText()).isEqualTo("JVNDB-2026-036917");
        assertThat(hitsById(search("JVN#91153973"))).containsOnlyKeys("JVN#91153973");
        assertThat(hitsById(search("JVNVU#94062711"))).containsOnlyKeys("JVNVU#94062711", "JVNDB-2026-036917");
        assertThat(hitsById(search("CVE-2026-25108")).values())
                .allSatisfy(h -> assertThat(texts(h.get("cves"))).contains("CVE-2026-25108"))
                .anySatisfy(h -> assertThat(h.get("source").asText()).isEqualTo("jpcert"));
    }

    @Test
    void reindexGivesIdenticalSearchResults() {
        List<String> queries = List.of("認証", "ＣＨＲＯＭＥ", "JVNVU#94062711", "脆弱性");
        Map<String, String> before = new LinkedHashMap<>();
        for (String q : queries) {
            before.put(q, cli.run("search", q, "--json", "--limit", "100").out());
        }
        Cli.Run reindex = cli.run("reindex");
        assertThat(reindex.exit()).as(reindex.toString()).isZero();
        int advisories = cli.run("status", "--json").json().get("advisories").asInt();
        assertThat(reindex.out()).startsWith("reindexed " + advisories + " advisories");
        for (String q : queries) {
            String after = cli.run("search", q, "--json", "--limit", "100").out();
            assertThat(withoutScores(after)).as(q).isEqualTo(withoutScores(before.get(q)));
            assertThat(after).as(q).contains("\"id\"");
        }
    }

    @Test
    void aChangedTitleIsARevisionAndAnUnchangedRefetchChangesNothing(@TempDir Path dir) {
        String original = FeedServer.fixtureText("jvndb-new-rss-sample.rdf");
        server.put("/rev/jvndb.rdf", Response.ok(original.getBytes(StandardCharsets.UTF_8), RDF).ignoringValidators());
        Cli rev = new Cli(dir).feeds(feeds("jvndb", "/rev/jvndb.rdf"));
        assertThat(rev.run("fetch").exit()).isZero();

        JsonNode same = rev.run("fetch", "--json").json().get("sources").get(0);
        assertThat(same.get("status").asText()).isEqualTo("ok");
        assertThat(same.get("new").asInt()).isZero();
        assertThat(same.get("updated").asInt()).isZero();

        String title = "GoogleのGoogle Chromeにおける観測可能な不一致に関する脆弱性";
        String revised = original.replace("<title>" + title + "</title>", "<title>" + title + "（更新）</title>");
        assertThat(revised).isNotEqualTo(original);
        server.put("/rev/jvndb.rdf", Response.ok(revised.getBytes(StandardCharsets.UTF_8), RDF).ignoringValidators());
        JsonNode changed = rev.run("fetch", "--json").json().get("sources").get(0);
        assertThat(changed.get("new").asInt()).isZero();
        assertThat(changed.get("updated").asInt()).isEqualTo(1);

        JsonNode again = rev.run("fetch", "--json").json().get("sources").get(0);
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("new").asInt()).isZero();

        Map<String, JsonNode> hits = hitsById(rev.run("search", "JVNDB-2026-037241", "--json").json());
        assertThat(hits).containsOnlyKeys("JVNDB-2026-037241");
        assertThat(hits.get("JVNDB-2026-037241").get("title").asText()).isEqualTo(title + "（更新）");
        assertThat(rev.run("status", "--json").json().get("advisories").asInt()).isEqualTo(12);

        try (Database db = Database.open(Database.defaultUrl(dir.resolve("data")), "sa", "")) {
            AdvisoryRepository repo = new AdvisoryRepository(db);
            Advisory stored = repo.find("JVNDB-2026-037241").orElseThrow();
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored.title()).isEqualTo(title + "（更新）");
            assertThat(repo.find("JVNDB-2026-037242").orElseThrow().revision()).isEqualTo(1);
            assertThat(repo.count()).isEqualTo(12);
        }
    }

    private static JsonNode search(String query) {
        Cli.Run run = cli.run("search", query, "--json", "--limit", "100");
        assertThat(run.exit()).as(run.toString()).isZero();
        return run.json();
    }

    static Map<String, JsonNode> hitsById(JsonNode results) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        results.get("hits").forEach(h -> out.put(h.get("id").asText(), h));
        assertThat(results.get("total").asInt()).isEqualTo(out.size());
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The recency boost is computed against the clock, so scores may drift between two runs; nothing else may. */
    private static String withoutScores(String json) {
        return json.replaceAll("\"score\" : [0-9.Ee-]+", "\"score\" : _");
    }
}
