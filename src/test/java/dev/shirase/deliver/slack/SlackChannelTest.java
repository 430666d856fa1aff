package dev.shirase.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.DigestRenderer;
import dev.shirase.deliver.RecordingServer;
import dev.shirase.deliver.RecordingServer.Response;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.SampleDigests;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlackChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "{\"ok\":true,\"channel\":\"C0123456\",\"ts\":\"1.2\"}";
    private static RenderedMessage small;
    private static RenderedMessage large;
    private RecordingServer server;

    @BeforeAll
    static void render() {
        DigestRenderer renderer = DigestRenderer.bundled();
        small = renderer.render(SampleDigests.small(Locale.JAPANESE));
        large = SampleDigests.renderedLarge();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SlackChannel bot() throws Exception {
        server = new RecordingServer(Response.of(200, OK));
        return new SlackChannel("staff-slack", SlackSettings.bot("xoxb-test-token", "C0123456", server.url("/api/")));
    }

    @Test
    void postsChatPostMessageFormWithBlocks() throws Exception {
        DeliveryResult r = bot().send(small);
        assertThat(r).isEqualTo(new DeliveryResult.Delivered());
        assertThat(server.requests()).hasSize(1);
        RecordingServer.Request req = server.requests().get(0);
        assertThat(req.path()).isEqualTo("/api/chat.postMessage");
        assertThat(req.header("Authorization")).isEqualTo("Bearer xoxb-test-token");
        Map<String, String> form = form(req.body());
        assertThat(form.get("channel")).isEqualTo("C0123456");
        assertThat(form.get("unfurl_links")).isIn("0", "false");
        assertThat(form.get("text")).startsWith("【Shirase】週刊セキュリティ情報");
        JsonNode blocks = JSON.readTree(form.get("blocks"));
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        String body = blocks.toString();
        assertThat(body).contains("&lt;!channel&gt;").doesNotContain("<!channel>", "<!here>", "javascript:alert(3)", "<javascript:");
    }

    @Test
    void largeDigestGoesOutAsSeveralMessagesOfAtMostFiftyBlocks() throws Exception {
        DeliveryResult r = bot().send(large);
        assertThat(r).isEqualTo(new DeliveryResult.Delivered());
        List<RecordingServer.Request> reqs = server.requests();
        assertThat(reqs).hasSize(large.slackMessages().size()).hasSizeGreaterThanOrEqualTo(3);
        int entries = 0;
        for (RecordingServer.Request req : reqs) {
            JsonNode blocks = JSON.readTree(form(req.body()).get("blocks"));
            assertThat(blocks.size()).isLessThanOrEqualTo(50);
            for (JsonNode b : blocks) {
                assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
                entries += b.toString().contains("テスト製品 ") ? 1 : 0;
            }
        }
        assertThat(entries).isEqualTo(120);
    }

    @Test
    void rateLimitHonoursRetryAfterAndReportsPartsSent() throws Exception {
        SlackChannel channel = bot();
        server.then(Response.of(200, OK), new Response(429, "", Map.of("Retry-After", "17")));
        DeliveryResult r = channel.send(large);
        assertThat(r).isInstanceOf(DeliveryResult.RetryLater.class);
        DeliveryResult.RetryLater retry = (DeliveryResult.RetryLater) r;
        assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(retry.partsSent()).isEqualTo(1);
        assertThat(retry.reason()).contains("429");
        // resuming sends only the remaining parts
        assertThat(channel.send(large, 1)).isEqualTo(new DeliveryResult.Delivered());
        assertThat(server.requests()).hasSize(2 + large.slackMessages().size() - 1);
    }

    @Test
    void slackErrorsArePermanentOrTransient() throws Exception {
        SlackChannel channel = bot();
        server.then(Response.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"),
                Response.of(200, "{\"ok\":false,\"error\":\"internal_error\"}"),
                Response.of(503, "{\"ok\":false,\"error\":\"service_unavailable\"}"));
        assertThat(channel.send(small)).isEqualTo(new DeliveryResult.Failed("slack error channel_not_found", 0));
        assertThat(channel.send(small)).isInstanceOf(DeliveryResult.RetryLater.class);
        DeliveryResult third = channel.send(small);
        assertThat(third).isInstanceOf(DeliveryResult.RetryLater.class);
        assertThat(((DeliveryResult.RetryLater) third).reason()).contains("503");
    }

    @Test
    void incomingWebhookGetsThePlainJson() throws Exception {
        server = new RecordingServer(Response.of(200, "ok"));
        SlackChannel channel = new SlackChannel("hook", SlackSettings.webhook(server.url("/services/T/B/x")));
        assertThat(channel.send(small)).isEqualTo(new DeliveryResult.Delivered());
        RecordingServer.Request req = server.requests().get(0);
        assertThat(req.path()).isEqualTo("/services/T/B/x");
        assertThat(req.header("Content-Type")).startsWith("application/json");
        JsonNode payload = JSON.readTree(req.body());
        assertThat(payload.get("blocks").size()).isBetween(5, 50);
        assertThat(payload.get("text").asText()).startsWith("【Shirase】");
        assertThat(req.body()).doesNotContain("<!channel>");
    }

    @Test
    void webhookRejectionIsPermanentAndConnectionRefusedIsRetried() throws Exception {
        server = new RecordingServer(Response.of(404, "channel_not_found"));
        SlackChannel channel = new SlackChannel("hook", SlackSettings.webhook(server.url("/services/T/B/x")));
        DeliveryResult r = channel.send(small);
        assertThat(r).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) r).reason()).contains("404").doesNotContain("/services/");
        String deadUrl = server.url("/services/T/B/x");
        server.close();
        server = null;
        DeliveryResult refused = new SlackChannel("hook", SlackSettings.webhook(deadUrl)).send(small);
        assertThat(refused).isInstanceOf(DeliveryResult.RetryLater.class);
    }

    @Test
    void settingsNeedTokenWithChannelOrWebhookAndHideSecrets() {
        assertThat(SlackSettings.bot("xoxb-secret", "C1").toString()).doesNotContain("xoxb-secret");
        assertThat(SlackSettings.webhook("https://hooks.slack.com/services/SECRET").toString()).doesNotContain("SECRET");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SlackSettings(java.util.Optional.of("t"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static String describe(Map<String, String> m) {
        return m.entrySet().stream().map(Entry::getKey).toList().toString();
    }
}
