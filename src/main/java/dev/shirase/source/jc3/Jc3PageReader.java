package dev.shirase.source.jc3;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the news {@code article}s of the JC3 top page with jsoup; knows the markup, not what an advisory is. */
final class Jc3PageReader {

    private Jc3PageReader() {
    }

    /**
     * Every {@code article} that has an {@code h3.other-link > a[href]}, in page order (duplicates included:
     * the same article may sit in several tabs).
     *
     * @param contentType the Content-Type header; its charset wins, else jsoup reads the BOM or {@code <meta charset>},
     *                    else UTF-8
     */
    static List<Jc3Article> read(byte[] html, String contentType) {
        Document page = Jsoup.parse(new String(html, charset(contentType, html)), Jc3AdvisoryAdapter.BASE.toString());
        List<Jc3Article> articles = new ArrayList<>();
        for (Element article : page.select("article")) {
            Element link = article.selectFirst("h3.other-link > a[href]");
            if (link == null) {
                continue; // banners and other boxes that are not news entries
            }
            Element date = article.selectFirst("ul.entry-info > li.date");
            articles.add(new Jc3Article(link.attr("href"), link.text(), date == null ? "" : date.text(),
                    article.select("p").text()));
        }
        return articles;
    }

    /** Charset from the header, else from the document's own declaration, else UTF-8. */
    private static Charset charset(String contentType, byte[] html) {
        return label(contentType).or(() -> metaCharset(html)).flatMap(Jc3PageReader::supported)
                .orElse(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Optional<String> label(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return Optional.of(p.substring(8).replace("\"", "").trim());
            }
        }
        return Optional.empty();
    }

    /** {@code <meta charset="…">} or the http-equiv form, looked for in the first 2 KB as ASCII. */
    private static Optional<String> metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<meta[^>]+charset=[\"']?([a-z0-9_\\-]+)").matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> supported(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
