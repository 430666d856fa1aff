package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FeedDatesTest {

    @Test
    void w3cWithAndWithoutSecondsKeepsTheOffset() {
        assertThat(FeedDates.parse("2026-10-08T19:59+09:00")).hasValue(OffsetDateTime.parse("2026-10-08T19:59:00+09:00"));
        assertThat(FeedDates.parse(" 2026-10-09T08:36:37+09:00 ").orElseThrow().getOffset().getId()).isEqualTo("+09:00");
        assertThat(FeedDates.parse("2026-02-04T01:00:00Z").orElseThrow().getOffset().getId()).isEqualTo("Z");
    }

    @Test
    void rfc822IncludingNamedZones() {
        assertThat(FeedDates.parse("Tue, 03 Feb 2026 10:15:00 +0900")).hasValue(OffsetDateTime.parse("2026-02-03T10:15:00+09:00"));
        assertThat(FeedDates.parse("Tue, 03 Feb 2026 10:15:00 JST")).hasValue(OffsetDateTime.parse("2026-02-03T10:15:00+09:00"));
        assertThat(FeedDates.parse("3 Feb 2026 01:15:00 GMT")).hasValue(OffsetDateTime.parse("2026-02-03T01:15:00Z"));
        assertThat(FeedDates.parse("Tue, 03 Feb 2026 10:15:00 PST")).hasValue(OffsetDateTime.parse("2026-02-03T10:15:00-08:00"));
    }

    @Test
    void offsetlessAndUnreadable() {
        assertThat(FeedDates.parse("2026-02-13")).hasValue(OffsetDateTime.parse("2026-02-13T00:00Z"));
        assertThat(FeedDates.parse("2026-02-13T13:27")).hasValue(OffsetDateTime.parse("2026-02-13T13:27Z"));
        assertThat(FeedDates.parse("yesterday")).isEmpty();
        assertThat(FeedDates.parse("")).isEmpty();
        assertThat(FeedDates.parse(null)).isEmpty();
        assertThat(FeedDates.first("", "bad", "2026-02-13T13:27+09:00")).hasValue(OffsetDateTime.parse("2026-02-13T13:27+09:00"));
    }
}
