package dev.shirase.source.rss;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Reads JVN {@code sec:} elements of an item/entry, registered in rome.properties for the legacy namespace
 * {@link JvnSecModule#URI}; {@link JvnSec30ModuleParser} covers the MyJVN 3.0 namespace. Children are matched by
 * local name within any mod_sec namespace, so a version bump of the namespace does not silently lose data.
 */
public class JvnSecModuleParser implements ModuleParser {

    private static final String MOD_SEC_PREFIX = "http://jvn.jp/rss/mod_sec/";

    @Override
    public String getNamespaceUri() {
        return JvnSecModule.URI;
    }

    @Override
    public Module parse(Element element, Locale locale) {
        JvnSecModuleImpl module = new JvnSecModuleImpl(getNamespaceUri());
        List<SecReference> references = new ArrayList<>();
        List<SecCpe> cpes = new ArrayList<>();
        List<SecCvss> cvss = new ArrayList<>();
        List<SecItem> items = new ArrayList<>();
        for (Element child : element.getChildren()) {
            if (!isSec(child)) {
                continue;
            }
            switch (child.getName()) {
                case "identifier" -> module.setIdentifier(child.getTextTrim());
                case "references" -> references.add(new SecReference(child.getAttributeValue("source"),
                        child.getAttributeValue("id"), child.getAttributeValue("title"), child.getTextTrim()));
                case "cpe" -> cpes.add(cpe(child));
                case "cvss" -> cvss.add(new SecCvss(child.getAttributeValue("version"), child.getAttributeValue("score"),
                        child.getAttributeValue("severity"), child.getAttributeValue("vector"),
                        child.getAttributeValue("type")));
                case "items" -> child.getChildren().stream()
                        .filter(e -> isSec(e) && e.getName().equals("item"))
                        .forEach(e -> items.add(item(e)));
                default -> {
                    // sec:handling (TLP marking) and unknown elements carry nothing the model needs
                }
            }
        }
        module.setReferences(references);
        module.setCpes(cpes);
        module.setCvss(cvss);
        module.setItems(items);
        return module;
    }

    private static boolean isSec(Element e) {
        return e.getNamespaceURI().startsWith(MOD_SEC_PREFIX);
    }

    private static SecCpe cpe(Element e) {
        return new SecCpe(e.getTextTrim(), e.getAttributeValue("vendor"), e.getAttributeValue("product"),
                e.getAttributeValue("version"));
    }

    private static SecItem item(Element item) {
        String title = "";
        String identifier = "";
        String summary = "";
        String link = "";
        String published = "";
        String updated = "";
        List<String> cpes = new ArrayList<>();
        for (Element child : item.getChildren()) {
            if (!isSec(child)) {
                continue;
            }
            switch (child.getName()) {
                case "title" -> title = child.getTextTrim();
                case "identifier" -> identifier = child.getTextTrim();
                case "summary" -> summary = child.getTextTrim();
                case "link" -> link = child.getAttributeValue("href") != null
                        ? child.getAttributeValue("href") : child.getTextTrim();
                case "cpe" -> cpes.add(child.getTextTrim());
                case "published" -> published = child.getTextTrim();
                case "updated" -> updated = child.getTextTrim();
                default -> {
                }
            }
        }
        return new SecItem(title, identifier, summary, link, cpes, published, updated);
    }
}
