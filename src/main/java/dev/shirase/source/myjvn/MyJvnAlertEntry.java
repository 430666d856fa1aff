package dev.shirase.source.myjvn;

import dev.shirase.source.rss.SecItem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One MyJVN getAlertList entry (IPA 注意警戒), the same whether read from Atom XML or JSON; text still raw.
 *
 * @param level the {@code category@term}: Info, Low, Medium, High or Critical ("" if absent)
 * @param items the {@code sec:items/sec:item} product notices, each with its CPEs
 */
public record MyJvnAlertEntry(String id, String title, String summary, String link, String level,
                              Optional<OffsetDateTime> published, Optional<OffsetDateTime> updated,
                              List<SecItem> items) {
    public MyJvnAlertEntry {
        id = id == null ? "" : id.trim();
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        link = link == null ? "" : link.trim();
        level = level == null ? "" : level.trim();
        published = published == null ? Optional.empty() : published;
        updated = updated == null ? Optional.empty() : updated;
        items = items == null ? List.of() : List.copyOf(items);
    }
}
