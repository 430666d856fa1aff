package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the item-per-advisory XML parsers: reads the feed safely with Rome, maps each {@link FeedItem} with
 * {@link #toAdvisory}. An item that cannot become an advisory (no id, no date) is skipped with a warning naming it;
 * the feed as a whole fails only when the document itself is unreadable.
 */
public abstract class RomeFeedParser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(RomeFeedParser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        try {
            List<FeedItem> items = FeedItems.of(SecureFeedReader.read(body, contentType, source.id()));
            return ParsedFeed.ofAdvisories(toAdvisories(items, source));
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedParseException(source.id() + ": cannot map the feed to advisories ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Maps items one by one; subclasses that merge items (IPA) override this. */
    protected List<Advisory> toAdvisories(List<FeedItem> items, FeedSource source) {
        List<Advisory> out = new ArrayList<>();
        for (FeedItem item : items) {
            Optional<Advisory> advisory = toAdvisory(item, source);
            if (advisory.isPresent()) {
                out.add(advisory.get());
            } else {
                LOG.warn("{}: skipped an item without a usable id or date: link={} title={}", source.id(),
                        item.link(), item.title());
            }
        }
        return out;
    }

    /** The advisory for one item, or empty when the item lacks an id or a date. */
    protected abstract Optional<Advisory> toAdvisory(FeedItem item, FeedSource source);
}
