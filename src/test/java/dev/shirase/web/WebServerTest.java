package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of the web server, over HTTP on 127.0.0.1, with the JSON shapes field by field. */
class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "X-Forwarded-User";

    private static WebTestBed bed;

    @BeforeAll
    static void start() {
        bed = WebTestBed.withProxyHeader();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return bed.get(path, USER, "tanaka");
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; style-src 'self'; "
                + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void searchPageShowsHighlightedHitsFacetsAndKeepsStateInLinks() throws Exception {
        HttpResponse<String> r = get("/?q=" + SearchParams.encode("脆弱性"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertSecurityHeaders(r);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String html = r.body();
        assertThat(html).contains("<html lang=\"ja\">").contains("<mark>脆弱性</mark>");
        assertThat(html).contains("href=\"/?q=%E8%84%86%E5%BC%B1%E6%80%A7&amp;source=jvn\"");
        assertThat(html).contains("href=\"/?q=%E8%84%86%E5%BC%B1%E6%80%A7&amp;sort=date\"");
        assertThat(html).containsPattern("<h3><a href=\"/advisories/JVN[^\"]+\">[^<]*<mark>脆弱性</mark>");
        assertThat(html.split("<li class=\"hit\">", -1)).hasSize(21);
        assertThat(html).doesNotContain("<script").doesNotContain("style=");

        String en = get("/?q=Chrome&lang=en").body();
        assertThat(en).contains("<html lang=\"en\">").contains("2 results").contains("href=\"/?q=Chrome&amp;sort=date&amp;lang=en\"")
                .contains("href=\"/advisories/JVNDB-2026-037242?lang=en\"");
    }

    @Test
    void searchPagePagesAndFilters() throws Exception {
        String page2 = get("/?size=5&page=2").body();
        assertThat(page2).contains("<span class=\"range\">6–10</span>").contains("rel=\"prev\" href=\"/?size=5\"")
                .contains("rel=\"next\" href=\"/?page=3&amp;size=5\"");
        String jvnOnly = get("/?source=jvn").body();
        assertThat(jvnOnly).contains("class=\"chip\"").doesNotContain("<span class=\"src\">jvndb</span>");
    }

    @Test
    void apiSearchAnswersTheDocumentedShape() throws Exception {
        JsonNode body = json(get("/api/search?q=Chrome&sort=date"));
        assertThat(body.path("query").path("q").asText()).isEqualTo("Chrome");
        assertThat(body.path("query").path("sort").asText()).isEqualTo("date");
        assertThat(body.path("total").asLong()).isEqualTo(2);
        JsonNode hit = null;
        for (JsonNode h : body.path("hits")) {
            if (h.path("id").asText().equals(WebTestBed.CHROME_ID)) {
                hit = h;
            }
        }
        assertThat(hit).as("Chrome advisory among the hits").isNotNull();
        assertThat(hit.path("id").asText()).isEqualTo("JVNDB-2026-037242");
        assertThat(hit.path("source").asText()).isEqualTo("jvndb");
        assertThat(hit.path("url").asText()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html");
        assertThat(hit.path("published").asText()).isEqualTo("2026-10-08T19:59:00+09:00");
        assertThat(hit.path("cves").get(0).asText()).isEqualTo("CVE-2026-106302");
        assertThat(hit.path("severity").asText()).isEqualTo("MEDIUM");
        assertThat(hit.path("category").asText()).isEqualTo("VULNERABILITY");
        assertThat(hit.path("titleHtml").asText()).contains("<mark>Chrome</mark>");
        assertThat(hit.path("href").asText()).isEqualTo("/advisories/JVNDB-2026-037242");
        assertThat(hit.has("kev")).isTrue();
        assertThat(hit.has("epss")).isTrue();
        assertThat(body.path("facets").path("source").path("jvndb").asLong()).isEqualTo(2);
    }

    @Test
    void advisoryPageShowsEveryFieldAndOurVerdict() throws Exception {
        HttpResponse<String> r = get("/advisories/JVNDB-2026-037242");
        assertThat(r.statusCode()).isEqualTo(200);
        assertSecurityHeaders(r);
        String html = r.body();
        assertThat(html).contains("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性")
                .contains("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:L")
                .contains("cpe:/a:google:chrome")
                .contains("href=\"https://nvd.nist.gov/vuln/detail/CVE-2026-106302\"")
                .contains("<span class=\"verdict\">該当</span>")
                .contains(WebTestBed.AFFECTED_REASON.replace("≤", "≤"))
                .contains("name=\"csrf\"");
        assertThat(get("/advisories/" + PathIds.encode("JVN#91153973")).body()).contains("Movable Typeにおける複数の脆弱性");
        HttpResponse<String> missing = get("/advisories/JVNDB-1999-000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("この情報は見つかりません");
    }

    @Test
    void apiAdvisoryAnswersEveryField() throws Exception {
        JsonNode a = json(get("/api/advisories/JVNDB-2026-037242"));
        assertThat(a.path("id").asText()).isEqualTo("JVNDB-2026-037242");
        assertThat(a.path("title").asText()).startsWith("GoogleのGoogle Chrome");
        assertThat(a.path("summary").asText()).startsWith("Google Chrome 155.0.8059.39以前");
        assertThat(a.path("cvss").get(0).path("score").asDouble()).isEqualTo(5.4);
        assertThat(a.path("cvss").get(0).path("vector").asText()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:L");
        assertThat(a.path("products").get(0).path("cpe").asText()).isEqualTo("cpe:/a:google:chrome");
        assertThat(a.path("identifiers").toString()).contains("\"CVE-2026-106302\"");
        assertThat(a.path("references").size()).isEqualTo(3);
        assertThat(a.path("kev").isNull()).isTrue();
        assertThat(a.path("revision").asInt()).isEqualTo(1);
        assertThat(a.path("revisions").get(0).path("revision").asInt()).isEqualTo(1);
        assertThat(a.path("revisions").get(0).path("changedAt").asText()).isEqualTo("2026-10-10T00:00:00Z");
        assertThat(a.path("related").isArray()).isTrue();
        JsonNode m = a.path("matches").get(0);
        assertThat(m.path("assetId").asText()).isEqualTo("pc-chrome");
        assertThat(m.path("verdict").asText()).isEqualTo("AFFECTED");
        assertThat(m.path("reason").asText()).isEqualTo(WebTestBed.AFFECTED_REASON);
        assertThat(m.path("assetName").asText()).isEqualTo("社内PC Chrome");
        assertThat(m.path("assetVersion").asText()).isEqualTo("150.0.1");
        assertThat(m.path("evidence").asText()).isEqualTo("sec:cpe google:chrome");
        assertThat(m.path("state").asText()).isIn("open", "in-progress");

        HttpResponse<String> missing = get("/api/advisories/NOPE-1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isEqualTo("advisory not found");
        assertThat(json(get("/api/advisories/" + PathIds.encode("JVN#91153973"))).path("id").asText()).isEqualTo("JVN#91153973");
    }

    @Test
    void hostileTextIsEscapedAndJavascriptLinksDropped() throws Exception {
        String html = get("/advisories/" + FixtureAdvisories.HOSTILE_ID).body();
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b onmouseover")
                .doesNotContainIgnoringCase("javascript:").doesNotContain("data:text");
        assertThat(html).contains("&lt;script&gt;window.__pwned=1;alert(&#39;x&#39;)&lt;/script&gt;");
        String search = get("/?q=" + SearchParams.encode("悪意")).body();
        assertThat(search).doesNotContain("<script>").contains("&lt;script&gt;");
        JsonNode api = json(get("/api/advisories/" + FixtureAdvisories.HOSTILE_ID));
        assertThat(api.path("url").asText()).isEmpty();
        assertThat(api.path("references").get(0).path("url").asText()).isEmpty();
    }

    private static String csrfFrom(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void triageNeedsUserAndTokenAndIsRecorded() throws Exception {
        String path = "/advisories/JVNDB-2026-037242/triage";
        String token = csrfFrom(get("/advisories/JVNDB-2026-037242").body());
        String form = "csrf=" + token + "&asset=pc-chrome&state=in-progress&lang=en&note=" + SearchParams.encode("調査中");

        assertThat(bed.postForm(path, form).statusCode()).isEqualTo(401);
        assertThat(bed.postForm(path, form.replace(token, "forged"), USER, "tanaka").statusCode()).isEqualTo(403);
        assertThat(bed.postForm(path, form, USER, "mallory").statusCode()).isEqualTo(403);
        assertThat(bed.postForm(path, form, USER, "tanaka", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(bed.postForm(path, form.replace("in-progress", "bogus"), USER, "tanaka").statusCode()).isEqualTo(400);
        assertThat(bed.postForm(path, form.replace("pc-chrome", "nope"), USER, "tanaka").statusCode()).isEqualTo(404);

        HttpResponse<String> ok = bed.postForm(path, form, USER, "tanaka");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/advisories/JVNDB-2026-037242?saved=1&lang=en");
        JsonNode m = json(get("/api/matches?asset=pc-chrome")).get(0);
        assertThat(m.path("state").asText()).isEqualTo("in-progress");
        JsonNode last = m.path("history").get(m.path("history").size() - 1);
        assertThat(last.path("user").asText()).isEqualTo("tanaka");
        assertThat(last.path("note").asText()).isEqualTo("調査中");
        assertThat(last.path("state").asText()).isEqualTo("in-progress");
        assertThat(get("/advisories/JVNDB-2026-037242?lang=en").body()).contains("調査中").contains("In progress");
    }

    @Test
    void kevEnrichmentAndRelatedThreatAreShown() throws Exception {
        String id = "JPCERT-AT-2026-0004";
        JsonNode a = json(get("/api/advisories/" + id));
        assertThat(a.path("kev").path("cve").asText()).isEqualTo("CVE-2026-25108");
        assertThat(a.path("kev").path("dueDate").asText()).isEqualTo("2026-03-07");
        String html = get("/advisories/" + id).body();
        assertThat(html).contains("CISA KEV").contains("2026-03-07").contains("<span class=\"kev\">KEV</span>");
        JsonNode kevOnly = json(get("/api/search?kev=true"));
        assertThat(kevOnly.path("total").asLong()).isEqualTo(1);
        assertThat(kevOnly.path("hits").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void verdictFacetNarrowsSearch() throws Exception {
        JsonNode all = json(get("/api/search"));
        assertThat(all.path("facets").path("verdict").path("AFFECTED").asLong()).isEqualTo(1);
        assertThat(all.path("facets").path("verdict").path("CHECK").asLong()).isEqualTo(1);
        JsonNode affected = json(get("/api/search?verdict=AFFECTED"));
        assertThat(affected.path("total").asLong()).isEqualTo(1);
        assertThat(affected.path("hits").get(0).path("id").asText()).isEqualTo(WebTestBed.CHROME_ID);
        assertThat(get("/").body()).contains("href=\"/?verdict=AFFECTED\">該当</a>");
    }

    @Test
    void matchesApiFiltersByVerdictAndAsset() throws Exception {
        assertThat(json(get("/api/matches?verdict=AFFECTED")).size()).isEqualTo(1);
        JsonNode check = json(get("/api/matches?verdict=check"));
        assertThat(check.size()).isEqualTo(1);
        assertThat(check.get(0).path("assetId").asText()).isEqualTo("web-mt");
        assertThat(check.get(0).path("advisoryId").asText()).isEqualTo(WebTestBed.MT_ID);
        assertThat(check.get(0).path("advisoryTitle").asText()).isEqualTo("Movable Typeにおける複数の脆弱性");
        assertThat(check.get(0).path("assetVersion").isNull()).isTrue();
        assertThat(json(get("/api/matches")).size()).isEqualTo(2);
        assertThat(json(get("/api/matches?asset=nothing")).size()).isEqualTo(0);
        HttpResponse<String> bad = get("/api/matches?verdict=maybe");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void digestsAsSentPerAudience() throws Exception {
        HttpResponse<String> page = get("/digests");
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page);
        assertThat(page.body()).contains("【知らせ】今週のセキュリティ情報 (10/2〜10/9)").contains("全社員向け")
                .contains("送信済み").contains("今週の注意喚起: 1 件\n&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(get("/digests?audience=admins").body()).contains("配信されたものはまだありません")
                .doesNotContain("今週のセキュリティ情報");
        JsonNode d = json(get("/api/digests?audience=staff")).get(0);
        assertThat(d.path("key").asText()).isEqualTo("digest:staff:2026-10-02..2026-10-09");
        assertThat(d.path("kind").asText()).isEqualTo("digest");
        assertThat(d.path("audience").asText()).isEqualTo("staff");
        assertThat(d.path("channel").asText()).isEqualTo("file");
        assertThat(d.path("state").asText()).isEqualTo("sent");
        assertThat(d.path("sentAt").asText()).isEqualTo("2026-10-10T00:00:00Z");
        assertThat(d.path("text").asText()).startsWith("今週の注意喚起: 1 件");
        assertThat(json(get("/api/digests?audience=admins")).size()).isZero();
    }

    @Test
    void sourcesShowHealth() throws Exception {
        String html = get("/sources").body();
        assertThat(html).contains("<tr class=\"ok\"><td>jvndb</td>").contains("<tr class=\"bad\"><td>jvn</td>")
                .contains("HTTP 503");
        JsonNode s = json(get("/api/sources"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.get(0).path("id").asText()).isEqualTo("jvn");
        assertThat(s.get(0).path("healthy").asBoolean()).isFalse();
        assertThat(s.get(0).path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(s.get(0).path("lastError").asText()).contains("HTTP 503");
        assertThat(s.get(0).path("status").asText()).startsWith("failing: 1 failure");
        assertThat(s.get(1).path("id").asText()).isEqualTo("jvndb");
        assertThat(s.get(1).path("healthy").asBoolean()).isTrue();
        assertThat(s.get(1).path("items").asInt()).isEqualTo(12);
        assertThat(s.get(1).path("lastSuccess").asText()).isEqualTo("2026-10-10T00:00:00Z");
    }

    @Test
    void inventoryShowsOpenAffectedAndCheckMatches() throws Exception {
        String html = get("/inventory").body();
        assertThat(html).contains("社内PC Chrome").contains("広報サイト Movable Type").contains("本社 FortiGate 60F")
                .contains("href=\"/advisories/JVN%2391153973\"").contains(WebTestBed.CHECK_REASON)
                .contains("バージョン不明").contains("未対応の該当・要確認はありません");
        assertThat(get("/inventory?lang=en").body()).contains("Check").contains("version unknown");
    }

    @Test
    void healthMetricsAndStylesheet() throws Exception {
        HttpResponse<String> health = bed.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = json(health);
        assertThat(h.path("status").asText()).isEqualTo("UP");
        assertThat(h.path("live").asBoolean()).isTrue();
        assertThat(h.path("ready").asBoolean()).isTrue();
        assertThat(h.path("database").path("up").asBoolean()).isTrue();
        assertThat(h.path("index").path("up").asBoolean()).isTrue();
        assertThat(h.path("index").path("detail").asText()).isEqualTo("open, " + FixtureAdvisories.all().size() + " documents");

        get("/api/search?q=x");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).containsPattern("shirase_http_requests_total\\{route=\"api_search\",status=\"200\"} [1-9]")
                .contains("shirase_http_request_duration_seconds_bucket{route=\"api_search\",le=\"+Inf\"}")
                .contains("shirase_advisories_total " + FixtureAdvisories.all().size())
                .contains("shirase_sources_healthy 1").contains("shirase_sources 2").contains("shirase_up 1");

        HttpResponse<String> css = bed.get("/static/shirase.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        assertThat(bed.get("/nothing-here", USER, "x").statusCode()).isEqualTo(404);
    }
}
