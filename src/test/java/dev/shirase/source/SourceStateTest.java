package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceStateTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.456Z");
    private static final Instant T1 = Instant.parse("2026-11-25T11:00:00Z");

    @Test
    void neverFetchedIsNotHealthy() {
        SourceState s = SourceState.initial("jvn");

        assertThat(s.healthy()).isFalse();
        assertThat(s.healthReason()).isEqualTo("never fetched");
        assertThat(s.lastAttempt()).isEmpty();
        assertThat(s.consecutiveFailures()).isZero();
    }

    @Test
    void firstFetchFailingSaysNeverSucceeded() {
        SourceState s = SourceState.initial("jvn").recordFailure(T0, "HTTP 500 from jvn.jp", Duration.ofMinutes(1));

        assertThat(s.healthy()).isFalse();
        assertThat(s.healthReason()).isEqualTo("never fetched successfully: 1 failure, last error: HTTP 500 from "
                + "jvn.jp; next attempt at 2026-11-25T10:01:00Z");
        assertThat(s.lastAttempt()).contains(T0);
        assertThat(s.lastSuccess()).isEmpty();
    }

    @Test
    void successMakesHealthyAndStoresValidators() {
        SourceState s = SourceState.initial("jvn").recordFailure(T0, "boom", Duration.ofMinutes(1))
                .recordSuccess(T1, Optional.of("\"e1\""), Optional.of("Wed, 25 Nov 2026 09:00:00 GMT"), 42);

        assertThat(s.healthy()).isTrue();
        assertThat(s.healthReason()).isEqualTo("OK: last success at 2026-11-25T11:00:00Z with 42 items");
        assertThat(s.etag()).contains("\"e1\"");
        assertThat(s.lastModified()).contains("Wed, 25 Nov 2026 09:00:00 GMT");
        assertThat(s.itemCount()).isEqualTo(42);
        assertThat(s.consecutiveFailures()).isZero();
        assertThat(s.lastError()).isEmpty();
        assertThat(s.nextAttempt()).isEmpty();
    }

    @Test
    void notModifiedKeepsValidatorsAndCount() {
        SourceState s = SourceState.initial("jvn")
                .recordSuccess(T0, Optional.of("\"e1\""), Optional.empty(), 7)
                .recordNotModified(T1);

        assertThat(s.healthy()).isTrue();
        assertThat(s.lastSuccess()).contains(T1);
        assertThat(s.lastAttempt()).contains(T1);
        assertThat(s.etag()).contains("\"e1\"");
        assertThat(s.itemCount()).isEqualTo(7);
    }

    @Test
    void failuresAfterSuccessCountUpAndKeepValidators() {
        SourceState s = SourceState.initial("jvn")
                .recordSuccess(T0, Optional.of("\"e1\""), Optional.empty(), 7)
                .recordFailure(T1, "HTTP 503 from jvn.jp", Duration.ofMinutes(1))
                .recordFailure(T1.plusSeconds(60), "connection refused by jvn.jp:443", Duration.ofMinutes(2));

        assertThat(s.healthy()).isFalse();
        assertThat(s.consecutiveFailures()).isEqualTo(2);
        assertThat(s.etag()).contains("\"e1\"");
        assertThat(s.lastSuccess()).contains(T0);
        assertThat(s.nextAttempt()).contains(T1.plusSeconds(180));
        assertThat(s.healthReason()).isEqualTo("failing: 2 consecutive failures since the last success at "
                + "2026-11-25T10:00:00Z, last error: connection refused by jvn.jp:443; next attempt at "
                + "2026-11-25T11:03:00Z");
    }

    @Test
    void gapWarningShowsInTheReasonButKeepsHealthy() {
        SourceState s = SourceState.initial("jvndb")
                .recordSuccess(T1, Optional.empty(), Optional.empty(), 1)
                .withGapWarning(Optional.of("500 new items: older ones may have been missed"));

        assertThat(s.healthy()).isTrue();
        assertThat(s.healthReason()).isEqualTo("OK: last success at 2026-11-25T11:00:00Z with 1 item; "
                + "warning: 500 new items: older ones may have been missed");
        assertThat(s.withGapWarning(Optional.empty()).gapWarning()).isEmpty();
    }

    @Test
    void errorTextIsRedacted() {
        SourceState s = SourceState.initial("x")
                .recordFailure(T0, "bad https://h/x?token=abc&page=2", Duration.ZERO);

        assertThat(s.lastError()).contains("bad https://h/x?token=REDACTED&page=2");
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new SourceState("x", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, -1, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
