package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.cli.Cli;
import dev.shirase.ingest.FeedServer.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaps: a jvndb poll that shares nothing with the archive is flagged in {@code status} and backfilled from a local
 * MyJVN getVulnOverviewList endpoint, paged 50 at a time; {@code backfill} does the same on demand.
 */
class GapBackfillTest {
    private static final String RDF = "application/rdf+xml";
    private static final int TOTAL = 60;
    private static FeedServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new FeedServer();
        server.putDynamic("/myjvn-gap", GapBackfillTest::myjvnPage);
        server.putDynamic("/myjvn-bf", GapBackfillTest::myjvnPage);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A page of 50 (or the rest of 60) entries built from the real sample's first item, as MyJVN pages them. */
    static Response myjvnPage(String query) {
        Map<String, String> params = java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
        int start = Integer.parseInt(params.get("startItem"));
        int max = Integer.parseInt(params.get("maxCountItem"));
        String sample = FeedServer.fixtureText("myjvn-getVulnOverviewList-hnd-sample.xml");
        int itemStart = sample.indexOf("  <item ");
        int itemsEnd = sample.indexOf("  <status:Status");
        String item = sample.substring(itemStart, sample.indexOf("</item>", itemStart) + "</item>\n".length());
        StringBuilder items = new StringBuilder();
        int n = Math.max(0, Math.min(max, TOTAL - start + 1));
        for (int i = 0; i < n; i++) {
            items.append(item.replace("JVNDB-2025-002953", String.format("JVNDB-2025-9%05d", start + i)));
        }
        String status = sample.substring(itemsEnd)
                .replace("totalRes=\"6\"", "totalRes=\"" + TOTAL + "\"")
                .replace("totalResRet=\"2\"", "totalResRet=\"" + n + "\"")
                .replace("firstRes=\"1\"", "firstRes=\"" + start + "\"");
        String body = sample.substring(0, itemStart) + items + status;
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), "application/xml").ignoringValidators();
    }

    private Cli cli(String jvndbPath, String myjvnPath) {
        return new Cli(dir).feeds("sources:\n"
                + "  - id: jvndb\n    type: jvndb\n    url: " + server.uri(jvndbPath) + "\n"
                + "  - id: jvn\n    type: jvn\n    url: " + server.uri("/gap/jvn.rdf") + "\n    enabled: false\n"
                + "  - id: myjvn\n    type: myjvn-vuln\n    url: " + server.uri(myjvnPath)
                + "?method=getVulnOverviewList&feed=hnd\n    enabled: false\n");
    }

    @Test
    void aPollWhereEveryItemIsNewWarnsAndIsBackfilledFromMyJvn() {
        String original = FeedServer.fixtureText("jvndb-new-rss-sample.rdf");
        server.put("/gap/jvndb.rdf", Response.ok(original.getBytes(StandardCharsets.UTF_8), RDF));
        Cli cli = cli("/gap/jvndb.rdf", "/myjvn-gap");
        JsonNode first = cli.run("fetch", "--json").json().get("sources").get(0);
        assertThat(first.get("new").asInt()).isEqualTo(12);
        assertThat(first.get("gapWarning").isNull()).as("a first delivery is no gap").isTrue();
        assertThat(requestsToMyJvn("/myjvn-gap")).isEmpty();
        String lastSuccess = statusRow(cli).get("lastSuccess").asText();
        LocalDate lastPoll = Instant.parse(lastSuccess).atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();

        // every item of the next poll is new: JVNDB-2026-03xxxx → JVNDB-2026-05xxxx
        String allNew = original.replace("JVNDB-2026-03", "JVNDB-2026-05");
        server.put("/gap/jvndb.rdf", Response.ok(allNew.getBytes(StandardCharsets.UTF_8), RDF).withEtag("\"2\""));
        Cli.Run second = cli.run("fetch", "--json");
        assertThat(second.exit()).as(second.toString()).isZero();
        JsonNode report = second.json().get("sources").get(0);
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("new").asInt()).isEqualTo(12);
        assertThat(report.get("gapWarning").asText()).startsWith("every item of this poll was new; backfilled MyJVN ")
                .contains(TOTAL + " new, 0 updated in 2 page(s)");

        List<String> pages = requestsToMyJvn("/myjvn-gap");
        assertThat(pages).hasSize(2);
        // oldest item of the poll: 2026-10-07 (JST); the last poll: today
        LocalDate oldest = LocalDate.of(2026, 10, 7);
        LocalDate from = oldest.isBefore(lastPoll) ? oldest : lastPoll;
        LocalDate to = oldest.isBefore(lastPoll) ? lastPoll : oldest;
        for (String query : pages) {
            assertThat(query).startsWith("method=getVulnOverviewList&feed=hnd&")
                    .contains(dateRange(from, to))
                    .contains("&maxCountItem=50");
        }
        assertThat(param(pages.get(0), "startItem")).isEqualTo("1");
        assertThat(param(pages.get(1), "startItem")).isEqualTo("51");

        JsonNode row = statusRow(cli);
        assertThat(row.get("gapWarning").asText()).isEqualTo(report.get("gapWarning").asText());
        assertThat(row.get("reason").asText()).contains("warning: every item of this poll was new");
        assertThat(cli.run("status", "--json").json().get("advisories").asInt()).isEqualTo(12 + 12 + TOTAL);
        assertThat(cli.run("status").out()).contains("warning: every item of this poll was new");
        JsonNode backfilled = cli.run("search", "JVNDB-2025-900060", "--json").json();
        assertThat(backfilled.get("total").asInt()).isEqualTo(1);
        assertThat(backfilled.get("hits").get(0).get("source").asText()).isEqualTo("jvndb");

        // the next poll overlaps the archive again: the warning goes away
        server.put("/gap/jvndb.rdf", Response.ok(allNew.getBytes(StandardCharsets.UTF_8), RDF).ignoringValidators());
        JsonNode third = cli.run("fetch", "--json").json().get("sources").get(0);
        assertThat(third.get("gapWarning").isNull()).isTrue();
        assertThat(statusRow(cli).get("gapWarning").isNull()).isTrue();
        assertThat(requestsToMyJvn("/myjvn-gap")).hasSize(2);
    }

    @Test
    void aGapThatCannotBeFilledSaysSo() {
        String original = FeedServer.fixtureText("jvndb-new-rss-sample.rdf");
        server.put("/down/jvndb.rdf", Response.ok(original.getBytes(StandardCharsets.UTF_8), RDF).ignoringValidators());
        server.put("/myjvn-down", new Response(503, new byte[0], "text/plain", null, null, Map.of(), 0, false));
        Cli cli = cli("/down/jvndb.rdf", "/myjvn-down");
        assertThat(cli.run("fetch").exit()).isZero();
        String allNew = original.replace("JVNDB-2026-03", "JVNDB-2026-06");
        server.put("/down/jvndb.rdf", Response.ok(allNew.getBytes(StandardCharsets.UTF_8), RDF).ignoringValidators());

        JsonNode report = cli.run("fetch", "--json").json().get("sources").get(0);
        assertThat(report.get("new").asInt()).isEqualTo(12);
        assertThat(report.get("gapWarning").asText()).contains("0 new, 0 updated in 0 page(s); stopped: ")
                .contains("503");
        assertThat(statusRow(cli).get("gapWarning").asText()).isEqualTo(report.get("gapWarning").asText());
        assertThat(server.requests("/myjvn-down")).isNotEmpty();
    }

    @Test
    void backfillCommandFetchesTheRequestedRangePageByPage() {
        server.put("/bf/jvndb.rdf", Response.ok(FeedServer.fixture("jvndb-new-rss-sample.rdf"), RDF));
        Cli cli = cli("/bf/jvndb.rdf", "/myjvn-bf");
        int before = requestsToMyJvn("/myjvn-bf").size();

        Cli.Run run = cli.run("backfill", "--source", "jvndb", "--from", "2025-04-01", "--to", "2025-04-03");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().trim()).isEqualTo("MyJVN 2025-04-01..2025-04-03: 60 new, 0 updated in 2 page(s)");
        assertThat(run.err()).contains("jvndb: MyJVN page 1: entries 1-50 of 60")
                .contains("jvndb: MyJVN page 2: entries 51-60 of 60");
        List<String> pages = requestsToMyJvn("/myjvn-bf").subList(before, requestsToMyJvn("/myjvn-bf").size());
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains(dateRange(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3)));
        assertThat(param(pages.get(0), "startItem")).isEqualTo("1");
        assertThat(param(pages.get(1), "startItem")).isEqualTo("51");
        JsonNode status = cli.run("status", "--json").json();
        assertThat(status.get("advisories").asInt()).isEqualTo(60);

        Cli.Run again = cli.run("backfill", "--source", "jvndb", "--from", "2025-04-01", "--to", "2025-04-03");
        assertThat(again.out().trim()).isEqualTo("MyJVN 2025-04-01..2025-04-03: 0 new, 0 updated in 2 page(s)");
    }

    @Test
    void backfillRefusesOtherSourcesAndBadRanges() {
        Cli cli = cli("/bf2/jvndb.rdf", "/myjvn-bf");
        Cli.Run jvn = cli.run("backfill", "--source", "jvn", "--from", "2025-04-01");
        assertThat(jvn.exit()).isEqualTo(2);
        assertThat(jvn.err()).startsWith("shirase: backfill works for jvndb and myjvn-vuln sources")
                .contains("use 'import FILE --type jvn'");
        Cli.Run unknown = cli.run("backfill", "--source", "nope", "--from", "2025-04-01");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no source \"nope\" in feeds.yaml");
        Cli.Run reversed = cli.run("backfill", "--source", "jvndb", "--from", "2025-04-03", "--to", "2025-04-01");
        assertThat(reversed.exit()).isEqualTo(2);
        assertThat(reversed.err()).contains("--to 2025-04-01 is before --from 2025-04-03");
    }

    @Test
    void pageUrlKeepsOnlyTheConfiguredEndpoint() {
        GapFiller filler = new GapFiller(null, null, null,
                URI.create("https://jvndb.jvn.jp/myjvn?method=getAlertList&feed=hnd"), line -> { });
        assertThat(filler.pageUrl(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2), 101)).hasToString(
                "https://jvndb.jvn.jp/myjvn?method=getVulnOverviewList&feed=hnd"
                        + "&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n"
                        + "&dateFirstPublishedStartY=2026&dateFirstPublishedStartM=1&dateFirstPublishedStartD=30"
                        + "&dateFirstPublishedEndY=2026&dateFirstPublishedEndM=2&dateFirstPublishedEndD=2"
                        + "&startItem=101&maxCountItem=50");
    }

    private static String dateRange(LocalDate from, LocalDate to) {
        return "&dateFirstPublishedStartY=" + from.getYear() + "&dateFirstPublishedStartM=" + from.getMonthValue()
                + "&dateFirstPublishedStartD=" + from.getDayOfMonth()
                + "&dateFirstPublishedEndY=" + to.getYear() + "&dateFirstPublishedEndM=" + to.getMonthValue()
                + "&dateFirstPublishedEndD=" + to.getDayOfMonth() + "&";
    }

    private static String param(String query, String name) {
        Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(query);
        assertThat(m.find()).as(query).isTrue();
        return m.group(1);
    }

    private static List<String> requestsToMyJvn(String path) {
        return server.requests(path).stream().map(FeedServer.Seen::query).toList();
    }

    private static JsonNode statusRow(Cli cli) {
        JsonNode status = cli.run("status", "--json").json();
        for (JsonNode r : status.get("sources")) {
            if (r.get("id").asText().equals("jvndb")) {
                return r;
            }
        }
        throw new AssertionError("no jvndb row in " + status);
    }
}
