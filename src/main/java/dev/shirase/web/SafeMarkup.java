package dev.shirase.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlighted text from the index is HTML-escaped with {@code <mark>} around matches. Before it is put into a page
 * unescaped, this makes sure that really is all it holds: any {@code < > " '} outside the exact {@code <mark>} and
 * {@code </mark>} tags is escaped again (defence in depth: a bug upstream must not become script in the page).
 */
public final class SafeMarkup {

    private static final Pattern MARK = Pattern.compile("</?mark>");

    private SafeMarkup() {
    }

    public static String marked(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher m = MARK.matcher(html);
        int last = 0;
        int open = 0;
        while (m.find()) {
            escapeInto(out, html.substring(last, m.start()));
            boolean closing = m.group().startsWith("</");
            if (closing && open > 0) {
                out.append("</mark>");
                open--;
            } else if (!closing) {
                out.append("<mark>");
                open++;
            }
            last = m.end();
        }
        escapeInto(out, html.substring(last));
        while (open-- > 0) {
            out.append("</mark>");
        }
        return out.toString();
    }

    /** Escapes markup characters; an '&' is kept because the input is already escaped (entities stay entities). */
    private static void escapeInto(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
