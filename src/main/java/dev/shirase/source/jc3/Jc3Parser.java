package dev.shirase.source.jc3;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.shirase.source.FeedType#JC3}: the JC3 top page (HTML, no RSS). Each threat article
 * ({@code /threats/topics/article-NNN.html}) becomes a FRAUD_TREND advisory. Notices, external and script links are
 * ignored; an article with an unreadable date is skipped with a warning. A page without any threat article is a
 * {@link FeedParseException}, never an empty feed: that is what a redesign or an error page looks like.
 */
public final class Jc3Parser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(Jc3Parser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String id = source.id();
        byte[] html;
        try {
            html = body.readAllBytes();
        } catch (IOException e) {
            throw new FeedParseException(id + ": could not read the page: " + e.getMessage(), e);
        }
        if (html.length == 0) {
            throw new FeedParseException(id + ": empty body");
        }
        try {
            return toFeed(Jc3PageReader.read(html, contentType), id);
        } catch (RuntimeException e) {
            // Last guard: no unchecked exception may escape parse(), whatever the input.
            throw new FeedParseException(id + ": unreadable page (" + e + ")", e);
        }
    }

    private static ParsedFeed toFeed(List<Jc3Article> articles, String id) throws FeedParseException {
        Map<String, Advisory> byId = new LinkedHashMap<>();
        List<String> undated = new ArrayList<>();
        int threats = 0;
        for (Jc3Article article : articles) {
            Optional<Jc3AdvisoryAdapter.ThreatLink> link = Jc3AdvisoryAdapter.threatLink(article.href());
            if (link.isEmpty()) {
                LOG.debug("{}: ignoring non-threat link {}", id, article.href());
                continue;
            }
            threats++;
            Optional<OffsetDateTime> published = Jc3AdvisoryAdapter.date(article.dateText());
            if (published.isEmpty()) {
                undated.add(link.get().url() + " \"" + article.dateText() + "\"");
                continue;
            }
            Advisory advisory = Jc3AdvisoryAdapter.toAdvisory(article, link.get(), published.get(), id);
            byId.putIfAbsent(advisory.id(), advisory); // the same article appears in several tabs
        }
        if (threats == 0) {
            throw new FeedParseException(id + ": no threat articles found — page layout changed?");
        }
        if (!undated.isEmpty()) {
            LOG.warn("{}: skipped {} threat article(s) with an unreadable date: {}", id, undated.size(), undated);
        }
        if (byId.isEmpty()) {
            throw new FeedParseException(id + ": " + threats + " threat articles found but none has a readable date,"
                    + " e.g. " + undated.get(0));
        }
        return ParsedFeed.ofAdvisories(List.copyOf(byId.values()));
    }
}
