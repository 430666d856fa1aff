package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.deliver.RecordingServer.Response;
import dev.shirase.deliver.slack.SlackChannel;
import dev.shirase.deliver.slack.SlackSettings;
import dev.shirase.deliver.teams.TeamsChannel;
import dev.shirase.deliver.teams.TeamsSettings;
import dev.shirase.store.Database;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure paths through the outbox: each ends with exactly one delivery, counted at the server. */
class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static RenderedMessage small;
    private static RenderedMessage large;

    @TempDir
    Path dir;
    private Database db;
    private final List<RecordingServer> servers = new ArrayList<>();

    @BeforeAll
    static void render() {
        DigestRenderer renderer = DigestRenderer.bundled();
        small = renderer.render(SampleDigests.small(Locale.JAPANESE));
        large = SampleDigests.renderedLarge();
    }

    @BeforeEach
    void open() {
        db = Database.open(Database.defaultUrl(dir), "sa", "");
    }

    @AfterEach
    void close() {
        servers.forEach(RecordingServer::close);
        db.close();
    }

    private RecordingServer server(Response fallback) throws Exception {
        RecordingServer s = new RecordingServer(fallback);
        servers.add(s);
        return s;
    }

    private static long accepted(RecordingServer s, int failuresScripted) {
        return s.requests().size() - failuresScripted;
    }

    @Test
    void enqueueIsIdempotentOnKeyAndChannel() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        Outbox outbox = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))));
        assertThat(outbox.enqueue(small, "teams", T0)).isTrue();
        assertThat(outbox.enqueue(small, "teams", T0.plusSeconds(5))).isFalse();
        assertThat(outbox.enqueue(small, "other", T0)).isTrue(); // another channel is another row
        assertThat(outbox.contains(small.key(), "teams")).isTrue();
        assertThat(outbox.entries()).hasSize(2);
        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(1, 0, 0)); // "other" has no channel here
        // a re-run for the same window after delivery: no new row, no new send
        assertThat(outbox.enqueue(small, "teams", T0.plusSeconds(60))).isFalse();
        assertThat(outbox.deliverDue(T0.plus(Duration.ofDays(1))).attempted()).isZero();
        assertThat(teams.requests()).hasSize(1);
        OutboxEntry row = outbox.find(small.key(), "teams").orElseThrow();
        assertThat(row.state()).isEqualTo(OutboxState.SENT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).contains(T0);
        assertThat(outbox.payload(small.key(), "teams")).contains(small);
        assertThat(outbox.counts()).containsEntry(OutboxState.SENT, 1).containsEntry(OutboxState.PENDING, 1)
                .containsEntry(OutboxState.FAILED, 0);
    }

    @Test
    void serverErrorThenSuccessBacksOffOneMinute() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        teams.then(Response.of(500, "boom"), Response.of(503, "busy"));
        Outbox outbox = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))));
        outbox.enqueue(small, "teams", T0);

        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 1, 0));
        OutboxEntry first = outbox.find(small.key(), "teams").orElseThrow();
        assertThat(first.state()).isEqualTo(OutboxState.PENDING);
        assertThat(first.nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(first.lastError()).hasValueSatisfying(e -> assertThat(e).contains("500", "boom"));

        assertThat(outbox.deliverDue(T0.plusSeconds(59)).attempted()).isZero();
        assertThat(outbox.deliverDue(T0.plusSeconds(60))).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(outbox.find(small.key(), "teams").orElseThrow().nextAttempt())
                .isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(2)));
        assertThat(outbox.deliverDue(T0.plusSeconds(180))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(outbox.deliverDue(T0.plus(Duration.ofHours(7))).attempted()).isZero();
        assertThat(teams.requests()).hasSize(3);
        assertThat(accepted(teams, 2)).isEqualTo(1);
        assertThat(outbox.find(small.key(), "teams").orElseThrow().lastError()).isEmpty();
    }

    @Test
    void rateLimitHonoursRetryAfterAndResumesAfterTheSlackPartsAlreadySent() throws Exception {
        String ok = "{\"ok\":true}";
        RecordingServer slack = server(Response.of(200, ok));
        slack.then(Response.of(200, ok), new Response(429, "", Map.of("Retry-After", "30")));
        Outbox outbox = new Outbox(db, List.of(new SlackChannel("slack",
                SlackSettings.bot("xoxb-1", "C1", slack.url("/api/")))));
        outbox.enqueue(large, "slack", T0);

        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 1, 0));
        OutboxEntry row = outbox.find(large.key(), "slack").orElseThrow();
        assertThat(row.nextAttempt()).isEqualTo(T0.plusSeconds(30));
        assertThat(row.partsSent()).isEqualTo(1);
        assertThat(outbox.deliverDue(T0.plusSeconds(29)).attempted()).isZero();
        assertThat(outbox.deliverDue(T0.plusSeconds(30))).isEqualTo(new DeliveryReport(1, 0, 0));

        // every Slack message arrived exactly once (the 429 one is repeated, the accepted first one is not)
        List<String> acceptedTexts = new ArrayList<>();
        List<RecordingServer.Request> reqs = slack.requests();
        for (int i = 0; i < reqs.size(); i++) {
            if (i == 1) {
                continue; // answered 429
            }
            acceptedTexts.add(formValue(reqs.get(i).body(), "text"));
        }
        int n = large.slackMessages().size();
        assertThat(reqs).hasSize(n + 1);
        List<String> expected = new ArrayList<>();
        for (String m : large.slackMessages()) {
            expected.add(new ObjectMapper().readTree(m).get("text").asText());
        }
        assertThat(acceptedTexts).containsExactlyElementsOf(expected);
    }

    @Test
    void crashInTheMiddleOfAMultiPartSlackSendRepeatsNothingAlreadyRecorded() throws Exception {
        String ok = "{\"ok\":true}";
        RecordingServer slack = server(Response.of(200, ok));
        AtomicInteger calls = new AtomicInteger();
        SlackChannel real = new SlackChannel("slack", SlackSettings.bot("xoxb-1", "C1", slack.url("/api/")));
        // The process "dies" right after the second message was accepted: the rest never goes out.
        Channel dying = new Channel() {
            @Override
            public String name() {
                return "slack";
            }

            @Override
            public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
                throw new AssertionError("the outbox must use the progress-reporting send");
            }

            @Override
            public DeliveryResult send(RenderedMessage message, int partsAlreadySent, java.util.function.IntConsumer accepted) {
                return real.send(message, partsAlreadySent, n -> {
                    accepted.accept(n);
                    if (calls.incrementAndGet() == 2) {
                        throw new ProcessDeath();
                    }
                });
            }
        };
        Outbox first = new Outbox(db, List.of(dying), "first", Duration.ofMinutes(10));
        first.enqueue(large, "slack", T0);
        try {
            first.deliverDue(T0);
        } catch (ProcessDeath expected) {
            // simulated crash
        }
        assertThat(first.find(large.key(), "slack").orElseThrow().partsSent()).isEqualTo(2);
        db.close();
        db = Database.open(Database.defaultUrl(dir), "sa", "");
        Outbox restarted = new Outbox(db, List.of(new SlackChannel("slack",
                SlackSettings.bot("xoxb-1", "C1", slack.url("/api/")))), "second", Duration.ofMinutes(10));
        assertThat(restarted.deliverDue(T0.plus(Duration.ofMinutes(10)))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(slack.requests()).hasSize(large.slackMessages().size());
    }

    /** Stands for the JVM going away; an Error so that the outbox's RuntimeException guard does not catch it. */
    private static final class ProcessDeath extends Error {
    }

    @Test
    void connectionRefusedIsRetriedUntilTheServerIsBack() throws Exception {
        RecordingServer probe = new RecordingServer(Response.of(202, ""));
        int port = probe.port();
        String url = probe.url("/w");
        probe.close();
        Outbox outbox = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(url))));
        outbox.enqueue(small, "teams", T0);
        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(outbox.find(small.key(), "teams").orElseThrow().lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("network error"));

        RecordingServer back = new RecordingServer(Response.of(202, ""), port);
        servers.add(back);
        assertThat(outbox.deliverDue(T0.plusSeconds(60))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(outbox.deliverDue(T0.plus(Duration.ofHours(1))).attempted()).isZero();
        assertThat(back.requests()).hasSize(1);
    }

    @Test
    void crashBetweenRenderAndSendSendsOnceAfterRestart() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w"))))).enqueue(small, "teams", T0);
        db.close(); // the process dies before any send
        db = Database.open(Database.defaultUrl(dir), "sa", "");
        Outbox restarted = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))));
        assertThat(restarted.enqueue(small, "teams", T0.plusSeconds(1))).isFalse(); // the re-run after restart
        assertThat(restarted.deliverDue(T0.plusSeconds(2))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(restarted.deliverDue(T0.plus(Duration.ofDays(1))).attempted()).isZero();
        assertThat(teams.requests()).hasSize(1);
    }

    @Test
    void crashAfterClaimIsSentOnceWhenTheLeaseRunsOut() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        Outbox dying = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))),
                "dying", Duration.ofMinutes(10));
        dying.enqueue(small, "teams", T0);
        assertThat(dying.claim(small.key(), "teams", T0)).isPresent();
        db.close(); // the process dies holding the lease, before the request left
        db = Database.open(Database.defaultUrl(dir), "sa", "");
        Outbox restarted = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))),
                "restarted", Duration.ofMinutes(10));
        assertThat(restarted.deliverDue(T0.plus(Duration.ofMinutes(9))).attempted()).isZero(); // lease still held
        assertThat(restarted.deliverDue(T0.plus(Duration.ofMinutes(10)))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(restarted.deliverDue(T0.plus(Duration.ofHours(1))).attempted()).isZero();
        assertThat(teams.requests()).hasSize(1);
        assertThat(restarted.find(small.key(), "teams").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void twoInstancesNeverSendTheSameRowTwice() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        for (int i = 0; i < 20; i++) {
            RenderedMessage m = new RenderedMessage("alert:staff:" + i, small.kind(), small.subject(), small.text(),
                    small.html(), small.slackMessages(), small.teamsCard());
            new Outbox(db, List.of()).enqueue(m, "teams", T0);
        }
        Outbox a = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))), "a", Duration.ofMinutes(10));
        Outbox b = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))), "b", Duration.ofMinutes(10));
        assertThat(a.claim("alert:staff:0", "teams", T0)).isPresent();
        assertThat(b.claim("alert:staff:0", "teams", T0)).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        for (Outbox o : List.of(a, b)) {
            runs.add(pool.submit(() -> {
                start.await();
                sent.addAndGet(o.deliverDue(T0.plusSeconds(1)).sent());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        assertThat(sent.get()).isEqualTo(19); // row 0 is leased by "a" (claimed above, never sent)
        assertThat(teams.requests()).hasSize(19);
        assertThat(a.deliverDue(T0.plus(Duration.ofMinutes(10))).sent()).isEqualTo(1);
        assertThat(teams.requests()).hasSize(20);
    }

    @Test
    void permanentFailureStopsRetryingUntilRetriedByHand() throws Exception {
        RecordingServer teams = server(Response.of(202, ""));
        teams.then(Response.of(400, "bad card"));
        Outbox outbox = new Outbox(db, List.of(new TeamsChannel("teams", new TeamsSettings(teams.url("/w")))));
        outbox.enqueue(small, "teams", T0);
        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 0, 1));
        assertThat(outbox.find(small.key(), "teams").orElseThrow().state()).isEqualTo(OutboxState.FAILED);
        assertThat(outbox.deliverDue(T0.plus(Duration.ofDays(2))).attempted()).isZero();
        assertThat(outbox.retry(small.key(), "teams", T0.plus(Duration.ofDays(2)))).isTrue();
        assertThat(outbox.deliverDue(T0.plus(Duration.ofDays(2))).sent()).isEqualTo(1);
        assertThat(teams.requests()).hasSize(2);
    }

    @Test
    void aChannelThatThrowsDoesNotLoseTheMessage() {
        AtomicInteger calls = new AtomicInteger();
        Channel flaky = new Channel() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("bug");
                }
                return new DeliveryResult.Delivered();
            }
        };
        Outbox outbox = new Outbox(db, List.of(flaky));
        outbox.enqueue(small, "flaky", T0);
        assertThat(outbox.deliverDue(T0)).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(outbox.deliverDue(T0.plusSeconds(60))).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void backoffDoublesFromOneMinuteUpToSixHours() {
        assertThat(Outbox.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Outbox.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Outbox.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Outbox.backoff(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(Outbox.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(Outbox.backoff(1000)).isEqualTo(Duration.ofHours(6));
    }

    private static String formValue(String body, String key) {
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(key)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
