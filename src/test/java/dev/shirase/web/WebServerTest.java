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
        assertThat(html).contains("href=\"/advisories/JVNDB-2026-037242\"");
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
        JsonNode hit = body.path("hits").get(0);
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
        assertThat(a.has("kev")).isTrue();
        assertThat(a.has("related")).isTrue();
        assertThat(a.has("revisions")).isTrue();
        JsonNode m = a.path("matches").get(0);
        assertThat(m.path("assetId").asText()).isEqualTo("pc-chrome");
        assertThat(m.path("verdict").asText()).isEqualTo("AFFECTED");
        assertThat(m.path("reason").asText()).isEqualTo(WebTestBed.AFFECTED_REASON);

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
    void matchesApiFiltersByVerdictAndAsset() throws Exception {
        assertThat(json(get("/api/matches?verdict=AFFECTED")).size()).isEqualTo(1);
        assertThat(json(get("/api/matches?verdict=check")).size()).isEqualTo(0);
        assertThat(json(get("/api/matches?asset=nothing")).size()).isEqualTo(0);
        HttpResponse<String> bad = get("/api/matches?verdict=maybe");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void listPagesAnswer() throws Exception {
        for (String path : new String[] {"/digests", "/digests?audience=staff", "/sources", "/inventory", "/digests?lang=en"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(r);
            assertThat(r.body()).as(path).contains("<main>");
        }
        assertThat(json(get("/api/digests")).isArray()).isTrue();
        assertThat(json(get("/api/sources")).isArray()).isTrue();
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

        get("/api/search?q=x");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).containsPattern("shirase_http_requests_total\\{route=\"api_search\",status=\"200\"} [1-9]")
                .contains("shirase_http_request_duration_seconds_bucket{route=\"api_search\",le=\"+Inf\"}")
                .containsPattern("shirase_advisories_total \\d+").contains("shirase_sources_healthy ");

        HttpResponse<String> css = bed.get("/static/shirase.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        assertThat(bed.get("/nothing-here", USER, "x").statusCode()).isEqualTo(404);
    }

    @Test
    void openReadingRefusesTriageAndBasicAuthGuardsEverythingButHealth() throws Exception {
        try (WebTestBed open = WebTestBed.open()) {
            assertThat(open.get("/").statusCode()).isEqualTo(200);
            String html = open.get("/advisories/JVNDB-2026-037242").body();
            assertThat(html).doesNotContain("name=\"csrf\"").contains("サインインが必要");
            assertThat(open.postForm("/advisories/JVNDB-2026-037242/triage", "asset=pc-chrome&state=done").statusCode())
                    .isEqualTo(403);
        }
        String secret = "pa55-Word-9f3";
        try (WebTestBed basic = new WebTestBed("basic", Optional.empty(), Optional.of("suzuki:" + secret))) {
            HttpResponse<String> refused = basic.get("/api/search");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Shirase\", charset=\"UTF-8\"");
            assertThat(basic.get("/health").statusCode()).isEqualTo(200);
            String auth = "Basic " + Base64.getEncoder().encodeToString(("suzuki:" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> page = basic.get("/advisories/JVNDB-2026-037242", "Authorization", auth);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("suzuki").contains("name=\"csrf\"").doesNotContain(secret);
            for (String p : new String[] {"/", "/sources", "/api/sources", "/metrics", "/health", "/api/search?q=x"}) {
                assertThat(basic.get(p, "Authorization", auth).body()).as(p).doesNotContain(secret);
            }
            assertThat(basic.get("/", "Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("suzuki:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        }
    }
}
