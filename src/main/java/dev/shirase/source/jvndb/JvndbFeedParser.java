package dev.shirase.source.jvndb;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.FeedBody;
import dev.shirase.source.rss.FeedItem;
import dev.shirase.source.rss.JvndbParser;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jvndb}: JVN iPedia {@code jvndb_new.rdf} and its yearly siblings (RSS 1.0 + {@code sec:}), read with the
 * streaming {@link JvndbRssReader} instead of Rome's DOM (several times cheaper per item), then mapped by the same
 * adapter, {@link JvndbParser#advisory}, so the advisories are exactly those of the Rome path. Decoding, charset and
 * error messages are {@link FeedBody}'s, shared with Rome's path. An item without a JVNDB id or a date is skipped
 * with a warning naming it.
 */
public final class JvndbFeedParser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(JvndbFeedParser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String label = source.id();
        List<FeedItem> items = FeedBody.read(body, contentType, label, chars -> JvndbRssReader.read(chars, label));
        try {
            List<Advisory> advisories = new ArrayList<>(items.size());
            for (FeedItem item : items) {
                JvndbParser.advisory(item, label).ifPresentOrElse(advisories::add, () -> LOG.warn(
                        "{}: skipped an item without a JVNDB id or date: link={} title={}", label, item.link(),
                        item.title()));
            }
            return ParsedFeed.ofAdvisories(advisories);
        } catch (RuntimeException e) {
            throw new FeedParseException(label + ": cannot map the feed to advisories ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
