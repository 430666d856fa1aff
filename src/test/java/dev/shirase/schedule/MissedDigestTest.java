package dev.shirase.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.app.Services;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.deliver.OutboxEntry;
import dev.shirase.deliver.OutboxState;
import dev.shirase.digest.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest missed while the service was down is sent once when it comes back, and only once. */
class MissedDigestTest {
    @TempDir
    Path dir;

    private Services open(MutableClock clock) {
        return Services.open(ShiraseConfig.defaults(dir), clock, new EnvironmentResolver(Map.of()), line -> { });
    }

    private static List<OutboxEntry> digests(Services services) {
        return services.outbox().entries().stream().filter(e -> e.kind().equals("DIGEST")).toList();
    }

    @Test
    void downAcrossMondayNineTokyoSendsExactlyOneDigestOnRestart() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T03:00:00Z")); // Friday
        try (Services first = open(clock)) {
            // First start ever: nothing was missed, the last fire time (Mon 16th) is only recorded.
            assertThat(new ServiceTasks(first).catchUpDigest(clock.instant())).isEmpty();
            assertThat(digests(first)).isEmpty();
        }
        // Down over Monday 2026-11-23 09:00 JST (00:00 UTC); back on Tuesday.
        clock.set(Instant.parse("2026-11-24T03:00:00Z"));
        try (Services second = open(clock)) {
            assertThat(new ServiceTasks(second).catchUpDigest(clock.instant()))
                    .contains(Instant.parse("2026-11-23T00:00:00Z"));
            assertThat(digests(second)).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("digest:admins:2026-11-16..2026-11-23");
                assertThat(e.channel()).isEqualTo("file");
                assertThat(e.state()).isEqualTo(OutboxState.SENT);
            });
        }
        assertThat(Files.list(dir.resolve("data/outbox/file")).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".txt")).toList()).hasSize(1);
        // Started again later the same week: nothing more.
        clock.set(Instant.parse("2026-11-24T05:00:00Z"));
        try (Services third = open(clock)) {
            assertThat(new ServiceTasks(third).catchUpDigest(clock.instant())).isEqualTo(Optional.empty());
            assertThat(digests(third)).hasSize(1);
        }
    }

    @Test
    void aDigestSentOnScheduleIsNotCaughtUpAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:05Z"));
        try (Services services = open(clock)) {
            ServiceTasks tasks = new ServiceTasks(services);
            assertThat(tasks.sendDigest(Instant.parse("2026-11-23T00:00:00Z"), clock.instant())).isEqualTo(1);
            clock.set(Instant.parse("2026-11-23T06:00:00Z"));
            assertThat(tasks.catchUpDigest(clock.instant())).isEmpty();
            assertThat(tasks.sendDigest(Instant.parse("2026-11-23T00:00:00Z"), clock.instant())).isZero();
            assertThat(digests(services)).hasSize(1);
        }
    }
}
