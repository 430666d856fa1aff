package dev.shirase.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The digest's Quartz cron in its time zone ({@code 0 0 9 ? * MON}, Asia/Tokyo): the next fire time after an
 * instant, and the last one at or before it (Quartz's own {@code getTimeBefore} is not implemented), which is what
 * the missed-digest catch-up compares with what was sent.
 */
public final class DigestSchedule {
    /** How far back a missed digest is looked for; the default cron fires weekly. */
    private static final Duration LOOKBACK = Duration.ofDays(8);

    private final String cron;
    private final ZoneId zone;
    private final CronExpression expression;

    public DigestSchedule(String cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
        try {
            this.expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + cron + " (" + e.getMessage() + ")", e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
    }

    public String cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first fire time strictly after {@code after}. */
    public Optional<Instant> nextFireAfter(Instant after) {
        return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
    }

    /** The latest fire time at or before {@code now}, looking back at most eight days. */
    public Optional<Instant> lastFireAtOrBefore(Instant now) {
        Instant t = now.minus(LOOKBACK);
        Instant last = null;
        while (true) {
            Optional<Instant> next = nextFireAfter(t);
            if (next.isEmpty() || next.get().isAfter(now)) {
                return Optional.ofNullable(last);
            }
            last = next.get();
            t = last;
        }
    }
}
