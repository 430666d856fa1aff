package dev.shirase.inventory.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.PlainText;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A small test factory: {@link Advisory} objects built straight from the bundled feed samples (title, description,
 * sec:cpe vendor/product/cpe, identifiers) — the real parsers are written elsewhere — and from the hand-written
 * advisory texts in {@code matching/handwritten-advisories.yaml}.
 */
public final class TestAdvisories {

    private static final OffsetDateTime WHEN = OffsetDateTime.parse("2026-10-08T09:00:00+09:00");

    private TestAdvisories() {
    }

    /** Every item of the RSS/RDF samples (JVN iPedia, MyJVN, JVN, IPA, JPCERT). */
    public static List<Advisory> fromFixtures() {
        List<Advisory> out = new ArrayList<>();
        for (String f : List.of("jvndb-new-rss-sample.rdf", "myjvn-getVulnOverviewList-hnd-sample.xml",
                "jvn-rss-sample.rdf", "ipa-alert-rss-sample.rdf", "jpcert-rss-sample.rdf")) {
            out.addAll(fromRdf("/fixtures/feeds/" + f));
        }
        return out;
    }

    static List<Advisory> fromRdf(String resource) {
        try (InputStream in = TestAdvisories.class.getResourceAsStream(resource)) {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = dbf.newDocumentBuilder().parse(in);
            NodeList items = doc.getElementsByTagNameNS("*", "item");
            List<Advisory> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String title = text(item, "title");
                String link = text(item, "link");
                String desc = PlainText.of(text(item, "description"));
                String id = text(item, "identifier");
                if (link.contains("jpcert.or.jp")) {
                    id = "JPCERT-" + link.replaceAll(".*/", "").replace(".html", "");
                } else if (id.isEmpty()) {
                    id = "IPA-" + link.replaceAll(".*/", "").replace(".html", "");
                }
                int n = seen.merge(id, 1, Integer::sum);
                if (n > 1) {
                    id = id + "~" + n;
                }
                List<AffectedProduct> products = new ArrayList<>();
                NodeList cpes = item.getElementsByTagNameNS("*", "cpe");
                for (int c = 0; c < cpes.getLength(); c++) {
                    Element cpe = (Element) cpes.item(c);
                    products.add(new AffectedProduct(Optional.of(cpe.getTextContent().trim()),
                            cpe.getAttribute("vendor"), cpe.getAttribute("product"),
                            Optional.of(cpe.getAttribute("version")).filter(v -> !v.equals("2.2") && !v.equals("2.3"))));
                }
                out.add(Advisory.parsed(id, resource, link, title, desc, WHEN, WHEN, Category.VULNERABILITY, Set.of(),
                        List.of(), products, List.of()));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The hand-written advisories (realistic texts, marked HAND-… and clearly not from a feed). */
    public static List<Advisory> handwritten() {
        try (InputStream in = TestAdvisories.class.getResourceAsStream("/matching/handwritten-advisories.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Advisory> out = new ArrayList<>();
            for (JsonNode a : root.get("advisories")) {
                List<AffectedProduct> products = new ArrayList<>();
                for (JsonNode p : a.path("products")) {
                    products.add(new AffectedProduct(Optional.ofNullable(p.path("cpe").asText(null)),
                            p.path("vendor").asText(""), p.path("product").asText(""),
                            Optional.ofNullable(p.path("version").asText(null))));
                }
                out.add(Advisory.parsed(a.get("id").asText(), "handwritten", "", a.path("title").asText(""),
                        a.path("summary").asText(""), WHEN, WHEN, Category.VULNERABILITY, Set.of(), List.of(),
                        products, List.of()));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read handwritten advisories", e);
        }
    }

    private static String text(Element item, String local) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
