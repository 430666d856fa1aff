package dev.shirase.ingest;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.Backoff;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.FetchResult;
import dev.shirase.source.Fetcher;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.SourceState;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.SourceStateRepository;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: fetch, parse, ingest, and record the source's state. A failure at any step marks the source
 * unhealthy with the reason and changes nothing already stored; the validators (ETag, Last-Modified) are saved only
 * after the ingest succeeded, so a crash in between means a re-fetch, never a silently skipped document.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    private final Fetcher fetcher;
    private final FeedParsers parsers;
    private final Ingestor ingestor;
    private final SourceStateRepository states;
    private final AdvisoryRepository advisories;
    private final GapFiller gapFiller;
    private final Clock clock;
    private final Backoff backoff = new Backoff();

    public SourcePoller(Fetcher fetcher, FeedParsers parsers, Ingestor ingestor, SourceStateRepository states,
                        AdvisoryRepository advisories, GapFiller gapFiller, Clock clock) {
        this.fetcher = fetcher;
        this.parsers = parsers;
        this.ingestor = ingestor;
        this.states = states;
        this.advisories = advisories;
        this.gapFiller = gapFiller;
        this.clock = clock;
    }

    public PollReport poll(FeedSource source) {
        Instant now = clock.instant();
        SourceState previous = states.load(source.id()).orElse(SourceState.initial(source.id()));
        FetchResult fetched = fetcher.fetch(RequestUrls.forPoll(source, now), previous);
        if (fetched instanceof FetchResult.NotModified) {
            states.save(previous.recordNotModified(now));
            return PollReport.notModified(source.id());
        }
        if (fetched instanceof FetchResult.Failed failed) {
            states.save(backoff.afterFailure(previous, source, now, failed));
            LOG.warn("{}: {}", source.id(), failed.reason());
            return PollReport.failed(source.id(), failed.reason());
        }
        FetchResult.Fetched body = (FetchResult.Fetched) fetched;
        ParsedFeed feed;
        try {
            feed = parsers.forType(source.type())
                    .parse(new ByteArrayInputStream(body.body()), body.contentType(), source);
        } catch (FeedParseException e) {
            return failParse(source, previous, now, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{}: parser failed unexpectedly", source.id(), e);
            return failParse(source, previous, now, "could not parse the document: " + e);
        }
        Optional<String> gap = detectGap(source, previous, feed);
        IngestResult result = ingestor.ingest(feed, now);
        if (gap.isPresent() && source.type() == FeedType.JVNDB) {
            gap = gapFiller.fillBefore(source, oldestPublished(feed), previous, now);
        }
        int items = feed.itemCount();
        states.save(previous.recordSuccess(now, body.etag(), body.lastModified(), items).withGapWarning(gap));
        gap.ifPresent(g -> LOG.warn("{}: {}", source.id(), g));
        int added = source.type().isEnrichment() ? result.enrichmentRows() : result.added();
        return new PollReport(source.id(), PollReport.Status.OK, added, result.updated(), result.unchanged(),
                Optional.empty(), gap);
    }

    /** A document that arrived but cannot be read: the source is unhealthy, nothing stored changes. */
    private PollReport failParse(FeedSource source, SourceState previous, Instant now, String reason) {
        SourceState failed = previous.recordFailure(now, reason,
                backoff.delay(previous.consecutiveFailures() + 1, source, Optional.empty()));
        states.save(failed);
        LOG.warn("{}: {}", source.id(), reason);
        return PollReport.failed(source.id(), reason);
    }

    /**
     * A poll that shares no item with what the archive already holds from a source that has delivered before means
     * items may have scrolled out of the feed between polls.
     */
    private Optional<String> detectGap(FeedSource source, SourceState previous, ParsedFeed feed) {
        if (source.type().isEnrichment() || feed.advisories().isEmpty() || previous.lastSuccess().isEmpty()
                || advisories.countBySource().getOrDefault(source.id(), 0) == 0) {
            return Optional.empty();
        }
        List<String> ids = feed.advisories().stream().map(Advisory::id).toList();
        if (advisories.anyExists(ids)) {
            return Optional.empty();
        }
        return Optional.of("every item of this poll was new: items published between the last poll ("
                + previous.lastSuccess().get() + ") and " + oldestPublished(feed) + " may have been missed");
    }

    private static OffsetDateTime oldestPublished(ParsedFeed feed) {
        return feed.advisories().stream().map(Advisory::published).min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
