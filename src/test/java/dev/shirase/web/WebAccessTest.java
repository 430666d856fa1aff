package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Access control: open reading (no triage), basic auth on every route but /health, readiness when the index is gone. */
class WebAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void openReadingRefusesTriageAndBasicAuthGuardsEverythingButHealth() throws Exception {
        try (WebTestBed open = WebTestBed.open()) {
            assertThat(open.get("/").statusCode()).isEqualTo(200);
            String html = open.get("/advisories/JVNDB-2026-037242").body();
            assertThat(html).doesNotContain("name=\"csrf\"").contains("サインインが必要");
            assertThat(open.postForm("/advisories/JVNDB-2026-037242/triage", "asset=pc-chrome&state=done").statusCode())
                    .isEqualTo(403);
            // Readiness: with the index gone the service is alive but not ready.
            open.index.close();
            HttpResponse<String> down = open.get("/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json(down).path("index").path("up").asBoolean()).isFalse();
            assertThat(json(down).path("database").path("up").asBoolean()).isTrue();
            assertThat(json(down).path("live").asBoolean()).isTrue();
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
