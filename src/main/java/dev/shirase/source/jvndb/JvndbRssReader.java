package dev.shirase.source.jvndb;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.rss.FeedDates;
import dev.shirase.source.rss.FeedItem;
import dev.shirase.source.rss.JvnSecModule;
import dev.shirase.source.rss.SecCpe;
import dev.shirase.source.rss.SecCvss;
import dev.shirase.source.rss.SecData;
import dev.shirase.source.rss.SecReference;
import dev.shirase.source.rss.XmlParseErrors;
import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a JVN iPedia RSS 1.0 document ({@code rdf:RDF} + {@code sec:}) into {@link FeedItem}s with the JDK's StAX
 * parser, reading exactly what Rome's DOM path read for this format (see {@code FeedItems} and the JVN sec module
 * parser): the {@code item} children of the root, their first {@code title}/{@code link}/{@code description}, date
 * texts and {@code sec:} children, element text being the element's own text and CDATA as in JDOM.
 *
 * <p>Not read, because the JVN iPedia adapter uses none of them: {@code content:encoded}, categories and
 * {@code sec:items}. A DOCTYPE is refused as soon as it is met, so no entity is ever declared or expanded.
 */
final class JvndbRssReader {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RSS10 = "http://purl.org/rss/1.0/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Rome's sec module parser takes children of any mod_sec namespace version. */
    private static final String MOD_SEC_PREFIX = "http://jvn.jp/rss/mod_sec/";

    private final XMLStreamReader xml;
    private final String label;
    /** Parsed date texts: an item's three dates are mostly one text, and a page shares many timestamps. */
    private final Map<String, Optional<OffsetDateTime>> dates = new HashMap<>();

    private JvndbRssReader(XMLStreamReader xml, String label) {
        this.xml = xml;
        this.label = label;
    }

    /**
     * Every item of the document, read to its end (a document broken after its last item still fails).
     *
     * @throws FeedParseException for a DOCTYPE, XML that is not well-formed, or a root other than RSS 1.0's
     * @throws IOException        when the characters cannot be read (FeedBody names decoding failures)
     */
    static List<FeedItem> read(Reader chars, String label) throws FeedParseException, IOException {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(chars);
            return new JvndbRssReader(xml, label).items();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io;
            }
            Location at = e.getLocation();
            throw XmlParseErrors.of(label, at == null ? 0 : at.getLineNumber(), detail(e), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing frees the parser only; the characters are closed by their owner
                }
            }
        }
    }

    /**
     * A fresh factory per document: cheap next to a parse, and no question of sharing one between polls. DTD support
     * off and external entities refused (the DOCTYPE is refused anyway, see {@link #root}).
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return factory;
    }

    private List<FeedItem> items() throws XMLStreamException, FeedParseException {
        root();
        List<FeedItem> items = new ArrayList<>();
        int event;
        while ((event = xml.next()) != XMLStreamConstants.END_DOCUMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (RSS10.equals(xml.getNamespaceURI()) && "item".equals(xml.getLocalName())) {
                items.add(item());
            } else {
                skipElement();
            }
        }
        return items;
    }

    /** Moves to the root element: it must be {@code rdf:RDF} declaring RSS 1.0, as Rome requires of RSS 1.0. */
    private void root() throws XMLStreamException, FeedParseException {
        int event = xml.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                // StAX reports the declaration once read: the line named is where it ends (with DTD support off
                // its text may come back shortened, so the start line cannot be told reliably)
                throw XmlParseErrors.doctypeRefused(label, xml.getLocation().getLineNumber(), null);
            }
            event = xml.next();
        }
        boolean declaresRss10 = false;
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            declaresRss10 |= RSS10.equals(xml.getNamespaceURI(i));
        }
        if (!RDF.equals(xml.getNamespaceURI()) || !"RDF".equals(xml.getLocalName()) || !declaresRss10) {
            String prefix = xml.getPrefix();
            throw new FeedParseException(label + ": not a JVN iPedia feed: the root element is <"
                    + (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + xml.getLocalName()
                    + ">, expected an RSS 1.0 <rdf:RDF>");
        }
    }

    /** One {@code item}, from its start tag to its end tag. */
    private FeedItem item() throws XMLStreamException {
        ItemFields f = new ItemFields(attribute(RDF, "about"));
        int event;
        while ((event = xml.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue; // white space, comments, stray text: JDOM's getChild ignores them too
            }
            String ns = xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (ns == null) {
                ns = "";
            }
            if (ns.startsWith(MOD_SEC_PREFIX)) {
                f.hasSecModule |= ns.equals(JvnSecModule.URI) || ns.equals(JvnSecModule.URI_30);
                sec(name, f);
                continue;
            }
            String text = text();
            switch (ns) {
                case RSS10 -> {
                    switch (name) {
                        case "title" -> f.title = first(f.title, text);
                        case "link" -> f.link = first(f.link, text);
                        case "description" -> f.description = first(f.description, text);
                        default -> {
                        }
                    }
                }
                case DC -> {
                    switch (name) {
                        case "date" -> f.dcDate = first(f.dcDate, text.trim());
                        case "identifier" -> f.dcIdentifier = first(f.dcIdentifier, text);
                        default -> {
                        }
                    }
                }
                case DCTERMS -> {
                    switch (name) {
                        case "issued" -> f.issued = first(f.issued, text.trim());
                        case "modified" -> f.modified = first(f.modified, text.trim());
                        default -> {
                        }
                    }
                }
                case ATOM -> {
                    switch (name) {
                        case "published" -> f.atomPublished = first(f.atomPublished, text.trim());
                        case "updated" -> f.atomUpdated = first(f.atomUpdated, text.trim());
                        default -> {
                        }
                    }
                }
                case "" -> {
                    if (name.equals("pubDate")) {
                        f.pubDate = first(f.pubDate, text.trim());
                    }
                }
                default -> {
                    // other modules carry nothing the JVN iPedia adapter reads
                }
            }
        }
        return f.toItem(date(f.dcDate, f.pubDate, f.atomUpdated), date(f.issued, f.atomPublished), date(f.modified));
    }

    /** {@link FeedDates#first}, each text parsed once per document. */
    private Optional<OffsetDateTime> date(String... texts) {
        for (String text : texts) {
            if (text != null) {
                Optional<OffsetDateTime> parsed = dates.computeIfAbsent(text, FeedDates::parse);
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    /** One {@code sec:} child of an item, as the sec module parser reads it (a repeated identifier: the last wins). */
    private void sec(String name, ItemFields f) throws XMLStreamException {
        switch (name) {
            case "identifier" -> f.secIdentifier = text().trim();
            case "references" -> {
                String source = attribute("", "source");
                String id = attribute("", "id");
                String title = attribute("", "title");
                f.references.add(new SecReference(source, id, title, text().trim()));
            }
            case "cpe" -> {
                String vendor = attribute("", "vendor");
                String product = attribute("", "product");
                String version = attribute("", "version");
                f.cpes.add(new SecCpe(text().trim(), vendor, product, version));
            }
            case "cvss" -> {
                f.cvss.add(new SecCvss(attribute("", "version"), attribute("", "score"), attribute("", "severity"),
                        attribute("", "vector"), attribute("", "type")));
                skipElement();
            }
            default -> skipElement(); // sec:handling, sec:items: nothing the adapter reads
        }
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    /**
     * The current element's own text and CDATA, as JDOM's {@code getText()}: text inside child elements is left out.
     * Leaves the reader on the element's end tag.
     */
    private String text() throws XMLStreamException {
        String single = null;
        StringBuilder more = null;
        int depth = 1;
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        if (single == null) {
                            single = xml.getText();
                        } else {
                            if (more == null) {
                                more = new StringBuilder(single);
                            }
                            more.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        return more != null ? more.toString() : single == null ? "" : single;
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Skips the current element and everything inside it; leaves the reader on its end tag. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The attribute of the current start tag in {@code namespace} ("" for none), or null, as JDOM reads it. */
    private String attribute(String namespace, String localName) {
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                String ns = xml.getAttributeNamespace(i);
                if (namespace.equals(ns == null ? "" : ns)) {
                    return xml.getAttributeValue(i);
                }
            }
        }
        return null;
    }

    private static String detail(XMLStreamException e) {
        Throwable nested = e.getNestedException();
        if (nested != null && nested.getMessage() != null) {
            return nested.getMessage();
        }
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    /** What one item holds while it is read; {@code null} means "not met yet" (the first occurrence wins). */
    private static final class ItemFields {
        final String about;
        String title;
        String link;
        String description;
        String dcIdentifier;
        String dcDate;
        String pubDate;
        String atomUpdated;
        String issued;
        String atomPublished;
        String modified;
        boolean hasSecModule;
        String secIdentifier;
        final List<SecReference> references = new ArrayList<>(4);
        final List<SecCpe> cpes = new ArrayList<>(2);
        final List<SecCvss> cvss = new ArrayList<>(2);

        ItemFields(String about) {
            this.about = about;
        }

        FeedItem toItem(Optional<OffsetDateTime> date, Optional<OffsetDateTime> issuedDate,
                        Optional<OffsetDateTime> modifiedDate) {
            SecData sec = hasSecModule ? new SecData(secIdentifier, references, cpes, cvss, List.of()) : SecData.EMPTY;
            return new FeedItem(about != null ? about : link, link, title, description, "", dcIdentifier, List.of(),
                    date, issuedDate, modifiedDate, sec);
        }
    }
}
