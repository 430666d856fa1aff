package dev.shirase.source.epss;

import dev.shirase.advisory.EpssScore;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.shirase.source.FeedType#EPSS}: FIRST's daily EPSS scores ({@code epss_scores-current.csv.gz}, gzip or
 * plain) into {@link ParsedFeed#epss()}. Malformed rows are skipped and counted; more than
 * {@link #MAX_MALFORMED_FRACTION} of them, a wrong header or an unreadable body fails the document.
 */
public final class EpssParser implements FeedParser {

    /** Above this share of malformed rows the file is treated as broken rather than merely untidy. */
    static final double MAX_MALFORMED_FRACTION = 0.02;

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Logger LOG = LoggerFactory.getLogger(EpssParser.class);

    private final Clock clock;

    /** Uses the system clock for the fallback score date (today in Asia/Tokyo). */
    public EpssParser() {
        this(Clock.systemUTC());
    }

    /** @param clock gives "today" (in Asia/Tokyo) when the file carries no {@code score_date} comment */
    public EpssParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String id = source.id();
        List<EpssScore> scores = new ArrayList<>(1 << 16);
        EpssCsvReader.Summary summary;
        try {
            summary = EpssCsvReader.read(body, LocalDate.now(clock.withZone(TOKYO)), scores::add);
        } catch (EpssFormatException e) {
            throw new FeedParseException(id + ": not an EPSS score file: " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new FeedParseException(id + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new FeedParseException(id + ": truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FeedParseException(id + ": could not read the EPSS body: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FeedParseException(id + ": unreadable EPSS file (" + e + ")", e);
        }
        int total = summary.goodRows() + summary.malformedRows();
        if (summary.goodRows() == 0) {
            throw new FeedParseException(id + ": the EPSS file holds no readable score rows"
                    + (total > 0 ? " (" + total + " malformed, first: \"" + summary.firstMalformed() + "\")" : ""));
        }
        if (summary.malformedRows() > 0) {
            LOG.warn("{}: skipped {} malformed EPSS row(s) of {}; first: \"{}\"", id, summary.malformedRows(), total,
                    summary.firstMalformed());
            if (summary.malformedRows() > total * MAX_MALFORMED_FRACTION) {
                throw new FeedParseException(id + ": " + summary.malformedRows() + " of " + total
                        + " EPSS rows are malformed; first: \"" + summary.firstMalformed() + "\"");
            }
        }
        if (summary.scoreDate().isEmpty()) {
            LOG.info("{}: no score_date comment line; dating {} scores {}", id, scores.size(),
                    scores.get(0).scoreDate());
        }
        return new ParsedFeed(List.of(), List.of(), scores, scores.size());
    }
}
