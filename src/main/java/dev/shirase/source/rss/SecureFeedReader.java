package dev.shirase.source.rss;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.SyndFeedInput;
import dev.shirase.source.FeedParseException;
import java.io.InputStream;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.xml.sax.SAXParseException;

/**
 * Reads untrusted bytes into a Rome {@link SyndFeed} with DOCTYPEs refused (so no XXE, no entity expansion) and
 * turns every failure into a {@link FeedParseException} whose message names the source and, where known, the line.
 * Charset decision and strict decoding: {@link FeedBody}.
 */
public final class SecureFeedReader {

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
     * entities) after {@link FeedBody}'s checks, strict decoding and XML healing.
     */
    public static Document readXml(InputStream body, String contentType, String label) throws FeedParseException {
        return FeedBody.read(body, contentType, label, chars -> {
            try {
                return HardenedInput.saxBuilder().build(chars);
            } catch (JDOMException e) {
                throw fromParseError(e, label);
            }
        });
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
        return XmlParseErrors.of(label, sax != null ? sax.getLineNumber() : 0,
                sax != null ? sax.getMessage() : e.getMessage(), e);
    }

    private static SAXParseException saxCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return sax;
            }
        }
        return null;
    }
}
