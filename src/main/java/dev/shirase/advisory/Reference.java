package dev.shirase.advisory;

/**
 * A link given by the advisory.
 *
 * @param source what the source calls it: "CVE", "NVD", "JVN", "関連文書", "CWE", "" …
 * @param id     the id the link carries ("" if none), e.g. CVE-2026-106302 or CWE-451
 * @param title  the link text ("" if none)
 * @param url    an http(s) URL (parsers drop other schemes)
 */
public record Reference(String source, String id, String title, String url) {
    public Reference {
        source = source == null ? "" : source;
        id = id == null ? "" : id;
        title = title == null ? "" : title;
        url = url == null ? "" : url;
    }
}
