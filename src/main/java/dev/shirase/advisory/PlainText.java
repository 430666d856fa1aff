package dev.shirase.advisory;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Turns untrusted feed text (possibly escaped HTML, with CR entities) into clean plain text. */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Strips all markup, decodes entities, drops {@code &#13;}/CR, collapses runs of white space.
     * Full-width characters are kept as written (search applies NFKC itself).
     */
    public static String of(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return "";
        }
        String text = htmlOrText;
        // Feeds such as JVN iPedia escape HTML inside <description>; one unescape pass first, then strip.
        if (text.contains("&lt;") || text.contains("<")) {
            Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
            text = Jsoup.clean(text.replace("&lt;br", "\n&lt;br").replace("<br", "\n<br"), "", Safelist.none(), settings);
            text = org.jsoup.parser.Parser.unescapeEntities(text, false);
            if (text.contains("<")) {
                text = Jsoup.clean(text, "", Safelist.none(), settings);
                text = org.jsoup.parser.Parser.unescapeEntities(text, false);
            }
        } else {
            text = org.jsoup.parser.Parser.unescapeEntities(text, false);
        }
        text = text.replace("\r", "").replace('\u00a0', ' ');
        text = text.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\\n[\\s]*", "\n").trim();
        return text;
    }

    /** NFKC-normalised, lower-cased form for comparisons ({@code ＣＨＲＯＭＥ} → {@code chrome}). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT).trim();
    }

    /** The URL if it is http(s), else empty: feed links of any other scheme are dropped. */
    public static java.util.Optional<String> httpUrl(String url) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if ((lower.startsWith("http://") || lower.startsWith("https://")) && !trimmed.contains(" ")) {
            return java.util.Optional.of(trimmed);
        }
        return java.util.Optional.empty();
    }
}
