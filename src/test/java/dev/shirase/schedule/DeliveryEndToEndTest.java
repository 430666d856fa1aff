package dev.shirase.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.shirase.app.Services;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.deliver.OutboxState;
import dev.shirase.deliver.RecordingServer;
import dev.shirase.deliver.RecordingServer.Response;
import dev.shirase.digest.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest from shirase.yaml's channels through the outbox to a local server standing in for Slack and to GreenMail,
 * over two runs of the service (two Services on the same data): exactly one delivery per (key, channel), a 500 is
 * retried after its backoff, and the Slack token comes from the environment.
 */
class DeliveryEndToEndTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SLACK_OK = "{\"ok\":true,\"channel\":\"C0123456\",\"ts\":\"1.2\"}";

    @TempDir
    Path dir;

    @Test
    void exactlyOneDeliveryPerKeyAndChannelAcrossTwoRuns() throws Exception {
        try (RecordingServer slack = new RecordingServer(Response.of(200, SLACK_OK))) {
            slack.then(Response.of(500, "oops"));
            Files.writeString(dir.resolve("shirase.yaml"), """
                    channels:
                      - name: it-mail
                        type: email
                        audience: admins
                        smtp: {host: 127.0.0.1, port: %d, security: none}
                        from: "Shirase <bot@example.jp>"
                        to: [it@example.jp]
                      - name: admins-slack
                        type: slack
                        audience: admins
                        token: "${SLACK_BOT_TOKEN}"
                        channel: C0123456
                        api-url: %s
                    """.formatted(greenMail.getSmtp().getPort(), slack.url("/api/")), StandardCharsets.UTF_8);
            EnvironmentResolver env = new EnvironmentResolver(Map.of("SLACK_BOT_TOKEN", "xoxb-e2e-token"));
            ShiraseConfig config = ShiraseConfig.load(dir.resolve("shirase.yaml"), true, env);
            MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:01Z"));
            Instant fire = Instant.parse("2026-11-23T00:00:00Z");
            String key = "digest:admins:2026-11-16..2026-11-23";

            try (Services run1 = Services.open(config, clock, env, line -> { })) {
                assertThat(new ServiceTasks(run1).sendDigest(fire, clock.instant())).isEqualTo(2);
                assertThat(run1.outbox().find(key, "it-mail").orElseThrow().state()).isEqualTo(OutboxState.SENT);
                // Slack answered 500: kept for a retry, with the error visible.
                assertThat(run1.outbox().find(key, "admins-slack").orElseThrow().state()).isEqualTo(OutboxState.PENDING);
                assertThat(run1.outbox().find(key, "admins-slack").orElseThrow().lastError().orElseThrow()).contains("500");
            }
            clock.advance(Duration.ofMinutes(5)); // past the first backoff
            int slackMessages;
            try (Services run2 = Services.open(config, clock, env, line -> { })) {
                ServiceTasks tasks = new ServiceTasks(run2);
                // The same digest again (a re-run of the job) adds nothing; the retry goes out.
                assertThat(tasks.sendDigest(fire, clock.instant())).isZero();
                assertThat(tasks.catchUpDigest(clock.instant())).isEmpty();
                assertThat(run2.outbox().find(key, "admins-slack").orElseThrow().state()).isEqualTo(OutboxState.SENT);
                slackMessages = run2.outbox().payload(key, "admins-slack").orElseThrow().slackMessages().size();
                tasks.deliver(clock.instant().plus(Duration.ofHours(7)));
            }
            // One failed attempt plus exactly one accepted post per Slack message of the digest.
            assertThat(slack.requests()).hasSize(1 + slackMessages);
            assertThat(slack.requests()).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/api/chat.postMessage");
                assertThat(r.header("Authorization")).isEqualTo("Bearer xoxb-e2e-token");
                assertThat(r.body()).contains("blocks");
            });
            MimeMessage[] mails = greenMail.getReceivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails[0].getSubject()).isEqualTo("【Shirase】週刊セキュリティ情報 2026-11-16 〜 2026-11-22");
        }
    }
}
