package dev.shirase.ingest;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.FetchResult;
import dev.shirase.source.Fetcher;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.SourceState;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fills a hole in the JVN iPedia archive from MyJVN {@code getVulnOverviewList}, 50 entries a page, for a range of
 * first-publication dates. JVN iPedia's new-entries feed holds about one day, so a poller that was down longer would
 * otherwise miss entries without anyone noticing.
 */
public final class GapFiller {
    /** MyJVN's page size limit for getVulnOverviewList. */
    static final int PAGE_SIZE = 50;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int MAX_PAGES = 2_000;

    private final Fetcher fetcher;
    private final FeedParser parser;
    private final Ingestor ingestor;
    private final URI myjvnBase;
    private final Consumer<String> progress;

    /**
     * @param myjvnBase the MyJVN endpoint, e.g. {@code https://jvndb.jvn.jp/myjvn} (a local server in tests)
     * @param progress  receives one line per page, for long backfills
     */
    public GapFiller(Fetcher fetcher, FeedParser myjvnVulnParser, Ingestor ingestor, URI myjvnBase,
                     Consumer<String> progress) {
        this.fetcher = fetcher;
        this.parser = myjvnVulnParser;
        this.ingestor = ingestor;
        this.myjvnBase = myjvnBase;
        this.progress = progress;
    }

    /** The outcome of one backfill. */
    public record Report(LocalDate from, LocalDate to, int pages, int added, int updated, Optional<String> error) {
        public String describe() {
            String base = "MyJVN " + from + ".." + to + ": " + added + " new, " + updated + " updated in " + pages
                    + " page(s)";
            return error.map(e -> base + "; stopped: " + e).orElse(base);
        }
    }

    /** Fills the days between the last successful poll and the oldest item of the current one (either order). */
    public Optional<String> fillBefore(FeedSource source, OffsetDateTime oldestInPoll, SourceState previous,
                                       Instant now) {
        LocalDate oldest = oldestInPoll.atZoneSameInstant(TOKYO).toLocalDate();
        LocalDate lastPoll = previous.lastSuccess().map(i -> i.atZone(TOKYO).toLocalDate())
                .orElse(oldest.minusDays(7));
        // JVN iPedia dates entries by first publication, which may well be before the last poll: then the
        // missing range runs the other way, and a reversed range would ask MyJVN for nothing.
        LocalDate from = oldest.isBefore(lastPoll) ? oldest : lastPoll;
        LocalDate to = oldest.isBefore(lastPoll) ? lastPoll : oldest;
        Report report = fill(source.id(), from, to, now);
        return Optional.of("every item of this poll was new; backfilled " + report.describe());
    }

    /** Fetches every page for first-publication dates {@code from..to} (inclusive) and ingests them. */
    public Report fill(String sourceId, LocalDate from, LocalDate to, Instant now) {
        FeedSource pageSource = new FeedSource(sourceId, FeedType.MYJVN_VULN, myjvnBase, null, true);
        int added = 0;
        int updated = 0;
        int pages = 0;
        int start = 1;
        int total = Integer.MAX_VALUE;
        while (start <= total && pages < MAX_PAGES) {
            URI url = pageUrl(from, to, start);
            FetchResult result = fetcher.fetch(
                    new FeedSource(sourceId, FeedType.MYJVN_VULN, url, null, true), SourceState.initial(sourceId));
            if (!(result instanceof FetchResult.Fetched fetched)) {
                String why = result instanceof FetchResult.Failed f ? f.reason() : "unexpected 304";
                return new Report(from, to, pages, added, updated, Optional.of(why));
            }
            ParsedFeed page;
            try {
                page = parser.parse(new ByteArrayInputStream(fetched.body()), fetched.contentType(), pageSource);
            } catch (FeedParseException e) {
                return new Report(from, to, pages, added, updated, Optional.of(e.getMessage()));
            }
            pages++;
            IngestResult ingested = ingestor.ingest(page, now);
            added += ingested.added();
            updated += ingested.updated();
            total = page.totalResults();
            progress.accept(String.format("%s: MyJVN page %d: entries %d-%d of %d", sourceId, pages, start,
                    start + page.advisories().size() - 1, total));
            if (page.advisories().isEmpty()) {
                break;
            }
            start += page.advisories().size();
        }
        return new Report(from, to, pages, added, updated, Optional.empty());
    }

    /** getVulnOverviewList for a first-publication (発行日) date range, one page. */
    URI pageUrl(LocalDate from, LocalDate to, int startItem) {
        // Only the endpoint is taken from the configured URL: the query is ours, whatever feeds.yaml had.
        String endpoint = myjvnBase.getScheme() + "://" + myjvnBase.getRawAuthority() + myjvnBase.getRawPath();
        return URI.create(endpoint + "?method=getVulnOverviewList&feed=hnd"
                + "&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n"
                + "&dateFirstPublishedStartY=" + from.getYear()
                + "&dateFirstPublishedStartM=" + from.getMonthValue()
                + "&dateFirstPublishedStartD=" + from.getDayOfMonth()
                + "&dateFirstPublishedEndY=" + to.getYear()
                + "&dateFirstPublishedEndM=" + to.getMonthValue()
                + "&dateFirstPublishedEndD=" + to.getDayOfMonth()
                + "&startItem=" + startItem + "&maxCountItem=" + PAGE_SIZE);
    }
}
