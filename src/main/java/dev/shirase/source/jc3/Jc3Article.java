package dev.shirase.source.jc3;

/**
 * One {@code article} of the JC3 top page as written: the raw {@code href} and link text of
 * {@code h3.other-link > a}, the text of {@code ul.entry-info > li.date} (e.g. {@code 2024.1.2}, "" if absent),
 * and the text of any paragraph inside the article ("" if none).
 */
public record Jc3Article(String href, String title, String dateText, String excerpt) {
    public Jc3Article {
        href = href == null ? "" : href;
        title = title == null ? "" : title;
        dateText = dateText == null ? "" : dateText;
        excerpt = excerpt == null ? "" : excerpt;
    }
}
