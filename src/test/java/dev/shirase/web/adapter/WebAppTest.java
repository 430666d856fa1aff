package dev.shirase.web.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.app.Services;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production wiring: services opened from a default config (H2 file + index on disk), web on port 0. */
class WebAppTest {

    @TempDir
    Path dir;

    @Test
    void servesTheArchiveOfOpenedServices() throws Exception {
        ShiraseConfig config = ShiraseConfig.defaults(dir).withWebPort(0);
        try (Services services = Services.open(config, line -> { })) {
            WebServer web = WebApp.create(services).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"ready\":true").contains("\"detail\":\"open, 0 documents\"");
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/?q=test")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"ja\">").contains("該当する情報はありません");
                HttpResponse<String> inventory = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/inventory")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(inventory.body()).contains("資産が登録されていません");
            } finally {
                web.stop();
            }
        }
    }
}
