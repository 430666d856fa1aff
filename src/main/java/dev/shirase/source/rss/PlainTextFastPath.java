package dev.shirase.source.rss;

import dev.shirase.advisory.PlainText;
import java.util.regex.Pattern;

/**
 * {@link PlainText#of} with the same result, cheaper for text holding no markup and no entity (most feed titles,
 * vendor and product names, reference titles): such text skips jsoup, and text that needs no white-space work at
 * all is returned as it is. Anything with {@code <} or {@code &} goes to {@link PlainText#of} itself.
 */
final class PlainTextFastPath {

    /** PlainText's patterns, compiled once instead of at every {@code String.replaceAll}. */
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f]+");
    private static final Pattern LINE_BREAK = Pattern.compile(" *\\n[\\s]*");

    private PlainTextFastPath() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
            return PlainText.of(text);
        }
        if (isAlreadyPlain(text)) {
            return text;
        }
        String plain = text.replace("\r", "").replace('\u00a0', ' ');
        plain = BLANKS.matcher(plain).replaceAll(" ");
        return LINE_BREAK.matcher(plain).replaceAll("\n").trim();
    }

    /** Nothing for PlainText to drop, fold or collapse: no CR, NBSP, tab, line break or double space, no edge blank. */
    private static boolean isAlreadyPlain(String text) {
        if (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00a0'
                    || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
