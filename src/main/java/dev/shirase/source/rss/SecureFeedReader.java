package dev.shirase.source.rss;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.shirase.source.FeedParseException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.xml.sax.SAXParseException;

/**
 * Reads untrusted bytes into a Rome {@link SyndFeed} with DOCTYPEs refused (so no XXE, no entity expansion) and
 * turns every failure into a {@link FeedParseException} whose message names the source and, where known, the line.
 *
 * <p>Charset: the body's own BOM or XML declaration wins over the HTTP {@code charset} label (servers mislabel
 * UTF-8 feeds as Shift_JIS); the label is used only when the body declares nothing (Rome's lenient XmlReader).
 */
public final class SecureFeedReader {

    private static final int SNIFF_BYTES = 1024;
    /** Rome's XmlReader looks at no more than its 4 KB buffer (twice, with mark/reset); generous headroom. */
    private static final int ENCODING_SNIFF_LIMIT = 64 * 1024;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private SecureFeedReader() {
    }

    /**
     * @param label       who is reading (the source id), put in front of every error message
     * @param contentType the HTTP Content-Type or ""
     */
    public static SyndFeed read(InputStream body, String contentType, String label) throws FeedParseException {
        return toFeed(readXml(body, contentType, label), label);
    }

    /**
     * Rome's view of an already parsed document.
     *
     * @throws FeedParseException when the XML is not RSS 1.0/2.0 or Atom
     */
    public static SyndFeed toFeed(Document xml, String label) throws FeedParseException {
        try {
            return new SyndFeedInput().build(xml);
        } catch (FeedException | IllegalArgumentException e) {
            // Rome's "Invalid document": well-formed XML that no RSS/Atom parser claims
            throw new FeedParseException(label + ": well-formed XML but not an RSS 1.0/2.0 or Atom feed (root <"
                    + xml.getRootElement().getQualifiedName() + ">)", e);
        } catch (RuntimeException e) {
            throw new FeedParseException(label + ": not a readable RSS/Atom feed (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * The document as a JDOM tree, parsed with Rome's hardened SAX settings (DOCTYPE refused, no external
     * entities) after Rome's XML healing (HTML entities such as {@code &nbsp;} become character references).
     */
    public static Document readXml(InputStream body, String contentType, String label) throws FeedParseException {
        if (body == null) {
            throw new FeedParseException(label + ": no response body");
        }
        String type = contentType == null ? "" : contentType.trim();
        try {
            BufferedInputStream in = new BufferedInputStream(body, 8192);
            Prolog prolog = sniff(in);
            if (prolog.empty) {
                throw new FeedParseException(label + ": empty response body, expected an XML feed");
            }
            if (prolog.html) {
                throw new FeedParseException(label + ": got an HTML page, not an XML feed"
                        + (type.isEmpty() ? "" : " (Content-Type: " + type + ")"));
            }
            String encoding = encoding(in, prolog.selfDescribing || type.isEmpty() ? "" : type);
            try (Reader reader = strictReader(in, encoding, prolog)) {
                return HardenedInput.saxBuilder().build(new XmlFixerReader(reader));
            } catch (CharacterCodingException | JDOMException e) {
                if (codingCause(e) != null) {
                    throw new FeedParseException(label + ": the body is not valid " + encoding
                            + " (wrong charset label or declaration?)", e);
                }
                throw e;
            }
        } catch (FeedParseException e) {
            throw e;
        } catch (JDOMException e) {
            throw fromParseError(e, label);
        } catch (IOException e) {
            throw new FeedParseException(label + ": cannot read or decode the feed: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FeedParseException(label + ": unreadable feed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The charset as Rome's lenient XmlReader decides it (BOM, XML declaration, then the HTTP label), read from the
     * head of the stream only; the stream is reset afterwards.
     */
    private static String encoding(BufferedInputStream in, String contentType) throws IOException {
        in.mark(ENCODING_SNIFF_LIMIT);
        InputStream head = new FilterInputStream(in) {
            @Override
            public void close() {
                // the body is read again from the mark
            }
        };
        String encoding = contentType.isEmpty()
                ? new XmlReader(head, true).getEncoding()
                : new XmlReader(head, contentType, true).getEncoding();
        in.reset();
        return encoding;
    }

    /**
     * Decodes strictly: bytes that are not valid in the charset fail the parse instead of silently becoming U+FFFD
     * (a Shift_JIS body declared as UTF-8 would otherwise store every title as mojibake).
     */
    private static Reader strictReader(BufferedInputStream in, String encoding, Prolog prolog) throws IOException {
        if (prolog.utf8Bom) {
            in.skipNBytes(3);
        } else if (prolog.utf16Bom) {
            in.skipNBytes(2);
        }
        return new InputStreamReader(in, Charset.forName(encoding).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static CharacterCodingException codingCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CharacterCodingException c) {
                return c;
            }
        }
        return null;
    }

    /** Exposes the SAX builder Rome configures for untrusted input; doctypes stay disallowed (Rome's default). */
    private static final class HardenedInput extends WireFeedInput {
        static SAXBuilder saxBuilder() {
            HardenedInput input = new HardenedInput();
            input.setAllowDoctypes(false);
            return input.createSAXBuilder();
        }
    }

    private static FeedParseException fromParseError(JDOMException e, String label) {
        SAXParseException sax = saxCause(e);
        String detail = sax != null ? sax.getMessage() : e.getMessage();
        String where = sax != null && sax.getLineNumber() > 0 ? " at line " + sax.getLineNumber() : "";
        if (detail != null && detail.contains("DOCTYPE")) {
            return new FeedParseException(label + ": refused a DOCTYPE declaration" + where
                    + " (DTDs allow XXE and entity-expansion attacks; feeds never need one)", e);
        }
        return new FeedParseException(label + ": not well-formed XML" + where + ": " + detail, e);
    }

    private static SAXParseException saxCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return sax;
            }
        }
        return null;
    }

    private record Prolog(boolean empty, boolean html, boolean selfDescribing, boolean utf8Bom, boolean utf16Bom) {
    }

    /** Peeks at the first bytes: BOM or XML encoding declaration, or an HTML page. */
    private static Prolog sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            return new Prolog(true, false, false, false, false);
        }
        boolean utf8Bom = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        boolean utf16Bom = head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        // ISO-8859-1 maps bytes 1:1, enough to read an ASCII prolog or an HTML start tag
        String ascii = new String(head, utf8Bom ? 3 : 0, head.length - (utf8Bom ? 3 : 0), StandardCharsets.ISO_8859_1)
                .stripLeading();
        if (ascii.isEmpty() && head.length < SNIFF_BYTES) {
            return new Prolog(true, false, false, false, false);
        }
        String lower = ascii.toLowerCase(Locale.ROOT);
        boolean html = lower.startsWith("<!doctype html") || lower.startsWith("<html");
        Matcher m = DECLARED_ENCODING.matcher(ascii);
        return new Prolog(false, html, utf8Bom || utf16Bom || m.find(), utf8Bom, utf16Bom);
    }
}
