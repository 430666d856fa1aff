package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.PlainText;
import dev.shirase.source.FeedSource;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code rss}: any other RSS 1.0/2.0 or Atom feed (vendor PSIRTs). The id is {@code <sourceId>:} + guid/Atom id
 * (else the link), stable across fetches; JVN {@code sec:} elements are used when present; category VULNERABILITY.
 */
public class GenericRssParser extends RomeFeedParser {

    @Override
    protected Optional<Advisory> toAdvisory(FeedItem item, FeedSource source) {
        String key = !item.uri().isBlank() ? item.uri() : item.link();
        Optional<OffsetDateTime> published = item.published().or(item::dcDate);
        if (key.isBlank() || published.isEmpty()) {
            return Optional.empty();
        }
        String title = PlainText.of(item.title());
        String summary = PlainText.of(!item.description().isBlank() ? item.description() : item.content());
        var ids = JvnSecAdapter.identifiers(item.sec(), title, summary);
        String url = PlainText.httpUrl(item.link()).or(() -> PlainText.httpUrl(item.uri())).orElse("");
        return Optional.of(Advisory.parsed(source.id() + ":" + key.strip(), source.id(), url, title, summary,
                published.get(), item.lastModified().orElse(published.get()), Category.VULNERABILITY, ids,
                JvnSecAdapter.cvss(item.sec()), JvnSecAdapter.products(item.sec()),
                JvnSecAdapter.references(item.sec())));
    }
}
