package dev.shirase.source.rss;

import dev.shirase.advisory.PlainText;

/**
 * {@link PlainText#of} with the same result, cheaper for text holding no markup and no entity (most feed titles,
 * vendor and product names, reference titles): such text skips jsoup and regular expressions, and text that needs no
 * white-space work at all is returned as it is. Anything with {@code <} or {@code &} goes to {@link PlainText#of} itself.
 */
final class PlainTextFastPath {

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
        return collapseWhiteSpace(text);
    }

    /**
     * PlainText's white-space steps in one pass: CRs dropped, NBSP as a space, then each run of blanks
     * ({@code [ \t\x0B\f]}) and line feeds becomes one line feed if it holds one (its {@code " *\n[\s]*"}),
     * else one space (its {@code "[ \t\x0B\f]+"}); finally trimmed.
     */
    private static String collapseWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        boolean runHasLineFeed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00a0' || c == '\n') {
                inRun = true;
                runHasLineFeed |= c == '\n';
                continue;
            }
            if (inRun) {
                out.append(runHasLineFeed ? '\n' : ' ');
                inRun = false;
                runHasLineFeed = false;
            }
            out.append(c);
        }
        if (inRun) {
            out.append(runHasLineFeed ? '\n' : ' ');
        }
        return out.toString().trim();
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
