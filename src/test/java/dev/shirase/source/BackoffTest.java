package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final Backoff backoff = new Backoff();
    private final FeedSource hourly = source(Duration.ofHours(1), true);

    private static FeedSource source(Duration interval, boolean enabled) {
        return new FeedSource("jvn", FeedType.JVN, URI.create("https://jvn.jp/rss/jvn.rdf"), interval, enabled);
    }

    @Test
    void delayDoublesFromOneMinuteAndCapsAtSixHours() {
        assertThat(backoff.delay(1, hourly, Optional.empty())).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(2, hourly, Optional.empty())).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delay(3, hourly, Optional.empty())).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delay(9, hourly, Optional.empty())).isEqualTo(Duration.ofMinutes(256));
        assertThat(backoff.delay(10, hourly, Optional.empty())).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.delay(10_000, hourly, Optional.empty())).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void retryAfterWinsWhenLongerButIsBounded() {
        assertThat(backoff.delay(1, hourly, Optional.of(Duration.ofMinutes(30)))).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.delay(3, hourly, Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delay(1, hourly, Optional.of(Duration.ofDays(365)))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void sourcePolledFasterThanTheBaseStartsFromItsInterval() {
        FeedSource fast = source(Duration.ofSeconds(30), true);

        assertThat(backoff.delay(1, fast, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(2, fast, Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nextAttemptCountsTheFailureBeingRecorded() {
        SourceState twoFailures = SourceState.initial("jvn")
                .recordFailure(NOW, "x", Duration.ZERO)
                .recordFailure(NOW, "x", Duration.ZERO);

        assertThat(backoff.nextAttempt(twoFailures, hourly, NOW, Optional.empty()))
                .isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(backoff.nextAttempt(SourceState.initial("jvn"), hourly, NOW, Optional.of(Duration.ofMinutes(10))))
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void afterFailureRecordsErrorAndBackoff() {
        SourceState state = backoff.afterFailure(SourceState.initial("jvn"), hourly, NOW,
                new FetchResult.Failed("HTTP 500 from jvn.jp", Optional.empty(), false));

        assertThat(state.consecutiveFailures()).isEqualTo(1);
        assertThat(state.lastError()).contains("HTTP 500 from jvn.jp");
        assertThat(state.nextAttempt()).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void permanentFailureWaitsTheFullCap() {
        SourceState state = backoff.afterFailure(SourceState.initial("jvn"), hourly, NOW,
                new FetchResult.Failed("HTTP 404 from jvn.jp", Optional.empty(), true));

        assertThat(state.nextAttempt()).contains(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void dueWhenNeverFetchedOrIntervalElapsed() {
        SourceState ok = SourceState.initial("jvn").recordSuccess(NOW, Optional.empty(), Optional.empty(), 3);

        assertThat(backoff.due(hourly, SourceState.initial("jvn"), NOW)).isTrue();
        assertThat(backoff.due(hourly, ok, NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(backoff.due(hourly, ok, NOW.plus(Duration.ofMinutes(60)))).isTrue();
    }

    @Test
    void notDueWhileBackingOffThenDueEvenBeforeTheInterval() {
        SourceState failing = SourceState.initial("jvn")
                .recordSuccess(NOW, Optional.empty(), Optional.empty(), 3)
                .recordFailure(NOW.plusSeconds(10), "HTTP 500 from jvn.jp", Duration.ofMinutes(2));

        assertThat(backoff.due(hourly, failing, NOW.plusSeconds(10).plus(Duration.ofSeconds(119)))).isFalse();
        assertThat(backoff.due(hourly, failing, NOW.plusSeconds(10).plus(Duration.ofMinutes(2)))).isTrue();
    }

    @Test
    void disabledSourceIsNeverDue() {
        assertThat(backoff.due(source(Duration.ofHours(1), false), SourceState.initial("jvn"), NOW)).isFalse();
    }
}
