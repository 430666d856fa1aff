package dev.shirase.web;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Advisories built from the real feed samples in {@code fixtures/feeds} (JVN iPedia, JVN, JPCERT/CC), read with a
 * plain DOM parser so the web tests do not depend on the feed parsers; plus one hostile advisory.
 */
final class FixtureAdvisories {

    static final String HOSTILE_ID = "JVNDB-2026-999999";

    private FixtureAdvisories() {
    }

    static List<Advisory> all() {
        List<Advisory> out = new ArrayList<>();
        out.addAll(jvndb());
        out.addAll(jvn());
        out.addAll(jpcert());
        out.add(hostile());
        return out;
    }

    /** A title with script, a summary with markup and javascript: links, to prove they stay inert. */
    static Advisory hostile() {
        return Advisory.parsed(HOSTILE_ID, "jvndb", "javascript:alert(1)",
                "<script>window.__pwned=1;alert('x')</script>悪意あるタイトル<img src=x onerror=alert(2)>",
                "細工された説明 <b onmouseover=alert(3)>太字</b> \"引用\" & 'アポストロフィ' 改ざん",
                OffsetDateTime.parse("2026-10-01T10:00+09:00"), null, Category.VULNERABILITY,
                Set.of(Identifier.of(IdentifierType.JVNDB, HOSTILE_ID)), List.of(), List.of(),
                List.of(new Reference("関連文書", "", "<script>alert(4)</script>", "javascript:alert(5)"),
                        new Reference("関連文書", "", "data link", "data:text/html,<script>alert(6)</script>")));
    }

    static List<Advisory> jvndb() {
        Document doc = read("jvndb-new-rss-sample.rdf");
        List<Advisory> out = new ArrayList<>();
        for (Element item : items(doc)) {
            String id = text(item, "identifier");
            Set<Identifier> ids = new HashSet<>();
            ids.add(Identifier.of(IdentifierType.JVNDB, id));
            List<Reference> refs = new ArrayList<>();
            List<AffectedProduct> products = new ArrayList<>();
            List<Cvss> cvss = new ArrayList<>();
            for (Element e : children(item)) {
                switch (e.getLocalName()) {
                    case "references" -> {
                        String src = e.getAttribute("source");
                        refs.add(new Reference(src, e.getAttribute("id"), e.getAttribute("title"), e.getTextContent().strip()));
                        if (src.equals("CVE")) {
                            ids.add(Identifier.of(IdentifierType.CVE, e.getAttribute("id")));
                        }
                    }
                    case "cpe" -> products.add(new AffectedProduct(Optional.of(e.getTextContent().strip()),
                            e.getAttribute("vendor"), e.getAttribute("product"), Optional.empty()));
                    case "cvss" -> cvss.add(new Cvss(e.getAttribute("version"),
                            Double.parseDouble(e.getAttribute("score")), Severity.parse(e.getAttribute("severity")),
                            e.getAttribute("vector")));
                    default -> { }
                }
            }
            OffsetDateTime issued = OffsetDateTime.parse(text(item, "issued"));
            out.add(Advisory.parsed(id, "jvndb", text(item, "link"), text(item, "title"),
                    text(item, "description").replace("\r", "").strip(), issued,
                    OffsetDateTime.parse(text(item, "modified")), Category.VULNERABILITY, ids, cvss, products, refs));
        }
        return out;
    }

    static List<Advisory> jvn() {
        Document doc = read("jvn-rss-sample.rdf");
        List<Advisory> out = new ArrayList<>();
        for (Element item : items(doc)) {
            String id = text(item, "identifier");
            IdentifierType type = id.startsWith("JVNVU") ? IdentifierType.JVNVU : IdentifierType.JVN;
            out.add(Advisory.parsed(id, "jvn", text(item, "link"), text(item, "title"), text(item, "description"),
                    OffsetDateTime.parse(text(item, "issued")), OffsetDateTime.parse(text(item, "date")),
                    Category.VULNERABILITY, Set.of(Identifier.of(type, id)), List.of(), List.of(), List.of()));
        }
        return out;
    }

    static List<Advisory> jpcert() {
        Document doc = read("jpcert-rss-sample.rdf");
        List<Advisory> out = new ArrayList<>();
        for (Element item : items(doc)) {
            String link = text(item, "link");
            if (!link.contains("/at/")) {
                continue;
            }
            String code = text(item, "identifier"); // at260004
            String id = "JPCERT-AT-20" + code.substring(2, 4) + "-" + code.substring(4);
            Set<Identifier> ids = new HashSet<>();
            ids.add(Identifier.of(IdentifierType.JPCERT, id));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("CVE-\\d{4}-\\d{4,}").matcher(text(item, "title"));
            while (m.find()) {
                ids.add(Identifier.of(IdentifierType.CVE, m.group()));
            }
            String title = text(item, "title").replace("  (公開)", "").strip();
            out.add(Advisory.parsed(id, "jpcert", link, title, "", OffsetDateTime.parse(text(item, "date")), null,
                    Category.ALERT, ids, List.of(), List.of(), List.of()));
        }
        return out;
    }

    private static Document read(String name) {
        try (InputStream in = FixtureAdvisories.class.getResourceAsStream("/fixtures/feeds/" + name)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read fixture " + name, e);
        }
    }

    private static List<Element> items(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList list = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getLocalName().equals("item")) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element item, String localName) {
        for (Element e : children(item)) {
            if (e.getLocalName().equals(localName)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
