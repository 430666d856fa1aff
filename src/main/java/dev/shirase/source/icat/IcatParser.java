package dev.shirase.source.icat;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.shirase.source.FeedType#ICAT}: IPA's icat JSON ({@code IPARssReader.php?{unixtime}&tool=icatw}).
 * Each item becomes an ALERT advisory keyed on its link; icat's error reply becomes a {@link FeedParseException}.
 */
public final class IcatParser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(IcatParser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        try {
            return toFeed(IcatJsonReader.read(body), source);
        } catch (IcatFormatException e) {
            throw new FeedParseException(source.id() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Last guard: no unchecked exception may escape parse(), whatever the input.
            throw new FeedParseException(source.id() + ": unreadable icat reply (" + e + ")", e);
        }
    }

    private static ParsedFeed toFeed(IcatDocument document, FeedSource source) throws FeedParseException {
        // Keyed by id: a repeated link must not become two advisories.
        Map<String, Advisory> byId = new LinkedHashMap<>();
        List<String> undated = new ArrayList<>();
        for (IcatItem item : document.items()) {
            Optional<Advisory> advisory = IcatAdvisoryAdapter.toAdvisory(item, source.id());
            if (advisory.isEmpty()) {
                undated.add(item.link().isEmpty() ? item.title() : item.link());
                continue;
            }
            // An update may repeat a link: keep the newest dating of it (the store numbers the revisions).
            byId.merge(advisory.get().id(), advisory.get(),
                    (kept, again) -> again.published().isAfter(kept.published()) ? again : kept);
        }
        if (!undated.isEmpty()) {
            LOG.warn("{}: skipped {} item(s) without a readable item_date: {}", source.id(), undated.size(), undated);
            if (byId.isEmpty()) {
                throw new FeedParseException(source.id() + ": none of the " + undated.size()
                        + " icat items has a readable item_date");
            }
        }
        return ParsedFeed.ofAdvisories(List.copyOf(byId.values()));
    }
}
