package dev.shirase.source.myjvn;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.FeedItem;
import dev.shirase.source.rss.FeedItems;
import dev.shirase.source.rss.JvndbParser;
import dev.shirase.source.rss.SecureFeedReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code myjvn-vuln}: MyJVN getVulnOverviewList (RSS 1.0 + sec 3.0 + {@code status:Status}). Items map exactly like
 * JVN iPedia ({@link JvndbParser#advisory}); a non-zero {@code retCd} is a {@link FeedParseException}; zero hits
 * (a Status and no items) is an empty page; {@link ParsedFeed#totalResults()} is {@code totalRes} for paging.
 */
public class MyJvnVulnParser implements FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(MyJvnVulnParser.class);
    private static final String RSS10 = "http://purl.org/rss/1.0/";

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String label = source.id();
        try {
            Document xml = SecureFeedReader.readXml(body, contentType, label);
            Element root = xml.getRootElement();
            Optional<MyJvnStatus> status = MyJvnStatus.of(root);
            if (status.isPresent()) {
                status.get().requireSuccess(label);
            } else {
                LOG.warn("{}: no status:Status in the response; reading it as a plain JVN iPedia feed", label);
            }
            if (root.getChild("channel", org.jdom2.Namespace.getNamespace(RSS10)) == null
                    && root.getChildren("item", org.jdom2.Namespace.getNamespace(RSS10)).isEmpty()) {
                if (status.isEmpty()) {
                    throw new FeedParseException(label + ": neither items nor a MyJVN status in the response (root <"
                            + root.getQualifiedName() + ">)");
                }
                return new ParsedFeed(List.of(), List.of(), List.of(), status.get().total(0));
            }
            List<Advisory> advisories = new ArrayList<>();
            for (FeedItem item : FeedItems.of(SecureFeedReader.toFeed(xml, label))) {
                Optional<Advisory> advisory = JvndbParser.advisory(item, label);
                advisory.ifPresentOrElse(advisories::add, () -> LOG.warn(
                        "{}: skipped an item without a JVNDB id or date: {}", label, item.link()));
            }
            int total = status.map(s -> s.total(advisories.size())).orElse(advisories.size());
            return new ParsedFeed(advisories, List.of(), List.of(), total);
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedParseException(label + ": cannot map the MyJVN response (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }
}
