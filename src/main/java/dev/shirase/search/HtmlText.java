package dev.shirase.search;

/** HTML escaping of untrusted text for the (rare) hits the highlighter did not format itself. */
final class HtmlText {

    private HtmlText() {
    }

    /** Escapes the same characters as Lucene's escaping {@code DefaultPassageFormatter}; null gives "". */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                case '/' -> sb.append("&#x2F;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
