package dev.shirase.source.myjvn;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.FeedItem;
import dev.shirase.source.rss.FeedItems;
import dev.shirase.source.rss.SecureFeedReader;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code myjvn-alert}: MyJVN getAlertList as Atom + sec 3.0 ({@code sec:items/sec:item}) + {@code status:Status}.
 * Same output as {@link MyJvnAlertJsonParser} for the {@code ft=json} form.
 */
public class MyJvnAlertParser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(MyJvnAlertParser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String label = source.id();
        try {
            Document xml = SecureFeedReader.readXml(body, contentType, label);
            Optional<MyJvnStatus> status = MyJvnStatus.of(xml.getRootElement());
            if (status.isPresent()) {
                status.get().requireSuccess(label);
            } else {
                LOG.warn("{}: no status:Status in the response", label);
            }
            List<MyJvnAlertEntry> entries = FeedItems.of(SecureFeedReader.toFeed(xml, label)).stream()
                    .map(MyJvnAlertParser::entry).toList();
            var advisories = MyJvnAlertAdapter.toAdvisories(entries, label);
            return new ParsedFeed(advisories, List.of(), List.of(),
                    status.map(s -> s.total(advisories.size())).orElse(advisories.size()));
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedParseException(label + ": cannot map the MyJVN alert list (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    private static MyJvnAlertEntry entry(FeedItem item) {
        // For Atom entries FeedItem carries atom:id in uri, atom:published in issued and atom:updated in dcDate.
        return new MyJvnAlertEntry(item.uri(), item.title(), item.description(), item.link(),
                item.categories().isEmpty() ? "" : item.categories().get(0), item.issued(), item.dcDate(),
                item.sec().items());
    }
}
