package dev.shirase.deliver.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.DigestRenderer;
import dev.shirase.deliver.RecordingServer;
import dev.shirase.deliver.RecordingServer.Response;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.SampleDigests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RecordingServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsTheAdaptiveCardAnd202IsSuccess() throws Exception {
        server = new RecordingServer(Response.of(202, ""));
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.small(Locale.JAPANESE));
        TeamsChannel channel = new TeamsChannel("staff-teams", new TeamsSettings(server.url("/workflows/abc")));
        assertThat(channel.send(m)).isEqualTo(new DeliveryResult.Delivered());
        RecordingServer.Request req = server.requests().get(0);
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.header("Content-Type")).startsWith("application/json");
        JsonNode card = JSON.readTree(req.body()).get("attachments").get(0).get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("text").asText()).startsWith("【Shirase】週刊セキュリティ情報");
        assertThat(req.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
        assertThat(req.body()).doesNotContain("javascript:alert(3)", "](javascript:");
    }

    @Test
    void largeCardStaysUnderTwentyEightKilobytes() throws Exception {
        server = new RecordingServer(Response.of(200, "1"));
        RenderedMessage m = SampleDigests.renderedLarge();
        assertThat(new TeamsChannel("t", new TeamsSettings(server.url("/w"))).send(m)).isEqualTo(new DeliveryResult.Delivered());
        String body = server.requests().get(0).body();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
        assertThat(body).contains("続きはアーカイブで");
    }

    @Test
    void rateLimitBacksOffAndBadRequestIsPermanent() throws Exception {
        server = new RecordingServer(Response.of(400, "{\"error\":\"bad card\"}"));
        server.then(new Response(429, "", Map.of("Retry-After", "120")));
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.empty(Locale.JAPANESE));
        TeamsChannel channel = new TeamsChannel("t", new TeamsSettings(server.url("/w")));
        DeliveryResult first = channel.send(m);
        assertThat(first).isInstanceOf(DeliveryResult.RetryLater.class);
        assertThat(((DeliveryResult.RetryLater) first).retryAfter()).isEqualTo(Duration.ofMinutes(2));
        DeliveryResult second = channel.send(m);
        assertThat(second).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) second).reason()).contains("400", "bad card");
        assertThat(new TeamsSettings("https://x.example/secret").toString()).doesNotContain("secret");
    }
}
