package dev.shirase.source.rss;

import dev.shirase.source.FeedParseException;

/** The messages of XML parse failures, the same whichever parser (SAX for Rome, StAX for JVN iPedia) met them. */
public final class XmlParseErrors {

    private XmlParseErrors() {
    }

    /**
     * A refused DOCTYPE or a not well-formed document.
     *
     * @param line   where the parser stopped, or 0 if unknown
     * @param detail the parser's own words
     */
    public static FeedParseException of(String label, int line, String detail, Throwable cause) {
        String where = line > 0 ? " at line " + line : "";
        if (detail != null && detail.contains("DOCTYPE")) {
            return doctypeRefused(label, line, cause);
        }
        return new FeedParseException(label + ": not well-formed XML" + where + ": " + detail, cause);
    }

    /** A DOCTYPE was met: refused, whatever it declares. */
    public static FeedParseException doctypeRefused(String label, int line, Throwable cause) {
        String where = line > 0 ? " at line " + line : "";
        return new FeedParseException(label + ": refused a DOCTYPE declaration" + where
                + " (DTDs allow XXE and entity-expansion attacks; feeds never need one)", cause);
    }
}
