package dev.shirase.source.rss;

/** One {@code sec:references} element as written: {@code source}, {@code id}, {@code title} attributes and the URL text. */
public record SecReference(String source, String id, String title, String url) {
    public SecReference {
        source = source == null ? "" : source.trim();
        id = id == null ? "" : id.trim();
        title = title == null ? "" : title.trim();
        url = url == null ? "" : url.trim();
    }
}
