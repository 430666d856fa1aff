package dev.shirase.source.rss;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One RSS 1.0/2.0 item or Atom entry in a format-neutral shape, text still raw (untrusted; adapters clean it).
 *
 * @param uri          RSS 1.0 {@code rdf:about}, RSS 2.0 guid (else link) or Atom id; "" if none
 * @param link         the item link as written (not yet checked for http(s))
 * @param description  description / Atom summary, raw (may hold escaped HTML)
 * @param content      {@code content:encoded} / Atom content, raw
 * @param dcIdentifier {@code dc:identifier}
 * @param categories   category names / Atom {@code category@term}
 * @param dcDate       {@code dc:date}, RSS {@code pubDate} or Atom {@code updated}, offset as written
 * @param issued       {@code dcterms:issued} or Atom {@code published}
 * @param modified     {@code dcterms:modified}
 * @param sec          the JVN {@code sec:} elements ({@link SecData#EMPTY} if none)
 */
public record FeedItem(String uri, String link, String title, String description, String content,
                       String dcIdentifier, List<String> categories, Optional<OffsetDateTime> dcDate,
                       Optional<OffsetDateTime> issued, Optional<OffsetDateTime> modified, SecData sec) {
    public FeedItem {
        uri = uri == null ? "" : uri.trim();
        link = link == null ? "" : link.trim();
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        content = content == null ? "" : content;
        dcIdentifier = dcIdentifier == null ? "" : dcIdentifier.trim();
        categories = categories == null ? List.of() : List.copyOf(categories);
        dcDate = dcDate == null ? Optional.empty() : dcDate;
        issued = issued == null ? Optional.empty() : issued;
        modified = modified == null ? Optional.empty() : modified;
        sec = sec == null ? SecData.EMPTY : sec;
    }

    /** First publication: issued if given, else the item date. */
    public Optional<OffsetDateTime> published() {
        return issued.or(() -> dcDate);
    }

    /** Last change: modified if given, else the item date, else the publication. */
    public Optional<OffsetDateTime> lastModified() {
        return modified.or(() -> dcDate).or(this::published);
    }
}
