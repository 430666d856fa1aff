package dev.shirase.schedule;

import dev.shirase.app.Services;
import dev.shirase.deliver.ChannelConfig;
import dev.shirase.deliver.DeliveryReport;
import dev.shirase.deliver.DigestDispatcher;
import dev.shirase.digest.Audience;
import dev.shirase.digest.DateWindow;
import dev.shirase.digest.Digest;
import dev.shirase.ingest.PollReport;
import dev.shirase.ingest.SourcePoller;
import dev.shirase.source.Backoff;
import dev.shirase.source.FeedSource;
import dev.shirase.source.SourceState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scheduled jobs do, without Quartz, so each step can be run and tested on its own with a given instant:
 * poll the due sources, evaluate urgent alerts, send the digest of a fire time, deliver the outbox, and catch up on a
 * digest missed while the service was down. Everything that must not happen twice is keyed in the outbox.
 */
public final class ServiceTasks {
    /** InfoRepository key: the digest fire time (ISO instant) last handled, sent or caught up. */
    public static final String LAST_DIGEST_FIRE = "digest.last-fire";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceTasks.class);

    private final Services services;
    private final DigestSchedule schedule;
    private final Backoff backoff = new Backoff();
    private SourcePoller poller;

    public ServiceTasks(Services services) {
        this.services = services;
        this.schedule = new DigestSchedule(services.config().schedule().digestCron(), services.config().schedule().timezone());
    }

    public DigestSchedule schedule() {
        return schedule;
    }

    /** Polls every enabled source that is due at {@code now} (interval elapsed, not backing off). */
    public synchronized List<PollReport> pollDue(Instant now) {
        if (poller == null) {
            poller = services.poller(services.gapFiller());
        }
        List<PollReport> reports = new ArrayList<>();
        for (FeedSource source : services.feeds().enabled()) {
            SourceState state = services.sourceStates().load(source.id()).orElse(SourceState.initial(source.id()));
            if (backoff.due(source, state, now)) {
                PollReport report = poller.poll(source);
                LOG.info("poll {}: {} ({} new, {} updated){}", source.id(), report.status().json(), report.added(),
                        report.updated(), report.error().map(e -> ": " + e).orElse(""));
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * Enqueues every urgent alert not yet in the outbox for the admin channels and delivers at once. Returns the
     * number of new outbox rows.
     */
    public int evaluateAlerts(Instant now) {
        LocalDate today = now.atZone(schedule.zone()).toLocalDate();
        List<Digest> alerts = services.alertBuilder().alerts(Audience.ADMINS, services.config().locale(), today);
        DigestDispatcher dispatcher = services.dispatcher();
        int added = 0;
        for (Digest alert : alerts) {
            added += dispatcher.enqueue(alert, services.channelConfigs(), now);
        }
        if (added > 0) {
            LOG.info("alerts: {} new message(s) enqueued", added);
            deliver(now);
        }
        return added;
    }

    /** A poll pass as the poll job runs it: due sources, then alerts if anything came in. */
    public void pollAndAlert(Instant now) {
        List<PollReport> reports = pollDue(now);
        if (reports.stream().anyMatch(r -> r.added() + r.updated() > 0)) {
            evaluateAlerts(now);
        }
    }

    /**
     * Builds the digest for the fire time {@code fire} (window: the seven days before its date in the schedule's
     * zone) for each audience that has a channel, enqueues it and delivers. Records the fire time as handled.
     * Returns the number of new outbox rows (0 when this window was already sent).
     */
    public int sendDigest(Instant fire, Instant now) {
        DateWindow window = DateWindow.weekBefore(fire.atZone(schedule.zone()).toLocalDate());
        return sendDigest(window, now, Optional.of(fire));
    }

    /** Builds, enqueues and delivers the digest of {@code window} for every audience with a channel. */
    public int sendDigest(DateWindow window, Instant now, Optional<Instant> fire) {
        List<ChannelConfig> channels = services.channelConfigs();
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        channels.forEach(c -> audiences.add(c.audience()));
        DigestDispatcher dispatcher = services.dispatcher();
        int added = 0;
        for (Audience audience : audiences) {
            Digest digest = services.digestBuilder().build(audience, window, schedule.zone(), services.config().locale());
            added += dispatcher.enqueue(digest, channels, now);
        }
        fire.ifPresent(f -> services.info().put(LAST_DIGEST_FIRE, f.toString()));
        LOG.info("digest {}: {} new message(s) enqueued", window, added);
        deliver(now);
        return added;
    }

    /**
     * Sends the digest of the latest fire time at or before {@code now} if it was never handled (the service was
     * down at that time). On the very first start there is nothing to catch up: the last fire time is only recorded.
     * Returns the fire time caught up, if any.
     */
    public Optional<Instant> catchUpDigest(Instant now) {
        Optional<Instant> last = schedule.lastFireAtOrBefore(now);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> handled = services.info().get(LAST_DIGEST_FIRE).map(Instant::parse);
        if (handled.isEmpty()) {
            services.info().put(LAST_DIGEST_FIRE, last.get().toString());
            return Optional.empty();
        }
        if (!handled.get().isBefore(last.get())) {
            return Optional.empty();
        }
        LOG.info("digest of {} was missed while the service was down: sending it now", last.get());
        sendDigest(last.get(), now);
        return last;
    }

    /** Delivers every due outbox row. */
    public DeliveryReport deliver(Instant now) {
        DeliveryReport report = services.outbox().deliverDue(now);
        if (report.attempted() > 0) {
            LOG.info("outbox: {} sent, {} retrying, {} failed", report.sent(), report.retrying(), report.failed());
        }
        return report;
    }
}
