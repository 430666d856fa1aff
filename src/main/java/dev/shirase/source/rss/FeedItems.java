package dev.shirase.source.rss;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Maps Rome entries (with Shirase's modules) to {@link FeedItem}s. */
public final class FeedItems {

    private FeedItems() {
    }

    public static List<FeedItem> of(SyndFeed feed) {
        return feed.getEntries().stream().map(FeedItems::of).toList();
    }

    public static FeedItem of(SyndEntry entry) {
        RawDatesModule raw = (RawDatesModule) entry.getModule(RawDatesModule.URI);
        Optional<OffsetDateTime> dcDate;
        Optional<OffsetDateTime> issued;
        Optional<OffsetDateTime> modified;
        if (raw != null) {
            dcDate = FeedDates.first(raw.getDcDate(), raw.getPubDate(), raw.getAtomUpdated());
            issued = FeedDates.first(raw.getDctermsIssued(), raw.getAtomPublished());
            modified = FeedDates.parse(raw.getDctermsModified());
        } else {
            dcDate = FeedDates.ofDate(entry.getUpdatedDate()).or(() -> FeedDates.ofDate(entry.getPublishedDate()));
            issued = FeedDates.ofDate(entry.getPublishedDate());
            modified = Optional.empty();
        }
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        String dcIdentifier = dc == null ? "" : Objects.toString(dc.getIdentifier(), "");
        return new FeedItem(entry.getUri(), entry.getLink(), entry.getTitle(), text(entry.getDescription()),
                entry.getContents().stream().map(FeedItems::text).collect(Collectors.joining("\n")),
                dcIdentifier, entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull).toList(),
                dcDate, issued, modified, sec(entry));
    }

    private static SecData sec(SyndEntry entry) {
        JvnSecModule module = (JvnSecModule) entry.getModule(JvnSecModule.URI_30);
        if (module == null) {
            module = (JvnSecModule) entry.getModule(JvnSecModule.URI);
        }
        return module == null ? SecData.EMPTY : SecData.of(module);
    }

    private static String text(SyndContent content) {
        return content == null || content.getValue() == null ? "" : content.getValue();
    }
}
