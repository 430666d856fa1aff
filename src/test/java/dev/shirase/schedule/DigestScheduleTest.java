package dev.shirase.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.quartz.spi.OperableTrigger;

/** The digest cron in Asia/Tokyo: Monday 09:00 JST is Monday 00:00 UTC. */
class DigestScheduleTest {
    private final DigestSchedule monday = new DigestSchedule("0 0 9 ? * MON", ZoneId.of("Asia/Tokyo"));

    @Test
    void nextFireIsMondayNineInTokyo() {
        assertThat(monday.nextFireAfter(Instant.parse("2026-11-25T00:00:00Z"))).contains(Instant.parse("2026-11-30T00:00:00Z"));
        // Sunday 23:59 UTC is already Monday 08:59 in Tokyo: the fire is one minute later, not a week.
        assertThat(monday.nextFireAfter(Instant.parse("2026-11-29T23:59:00Z"))).contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(monday.nextFireAfter(Instant.parse("2026-11-30T00:00:00Z"))).contains(Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void lastFireAtOrBefore() {
        assertThat(monday.lastFireAtOrBefore(Instant.parse("2026-11-30T00:00:00Z"))).contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(monday.lastFireAtOrBefore(Instant.parse("2026-11-29T23:59:59Z"))).contains(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void quartzTriggerFiresInTheConfiguredZone() {
        Trigger trigger = ShiraseScheduler.digestTrigger(monday);
        assertThat(trigger.getFireTimeAfter(Date.from(Instant.parse("2026-11-25T00:00:00Z"))).toInstant())
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        DigestSchedule utc = new DigestSchedule("0 0 9 ? * MON", ZoneId.of("UTC"));
        assertThat(ShiraseScheduler.digestTrigger(utc).getFireTimeAfter(Date.from(Instant.parse("2026-11-25T00:00:00Z")))
                .toInstant()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(
                org.quartz.CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(trigger).isInstanceOf(OperableTrigger.class);
    }
}
