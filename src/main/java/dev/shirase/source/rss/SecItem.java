package dev.shirase.source.rss;

import java.util.List;

/** One {@code sec:items/sec:item} of a MyJVN alert entry (a product notice inside an 注意警戒 entry). */
public record SecItem(String title, String identifier, String summary, String link, List<String> cpes,
                      String published, String updated) {
    public SecItem {
        title = title == null ? "" : title.trim();
        identifier = identifier == null ? "" : identifier.trim();
        summary = summary == null ? "" : summary.trim();
        link = link == null ? "" : link.trim();
        cpes = cpes == null ? List.of() : List.copyOf(cpes);
        published = published == null ? "" : published.trim();
        updated = updated == null ? "" : updated.trim();
    }
}
