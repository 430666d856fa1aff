package dev.shirase.source.rss;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleParser;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Captures an item's date strings verbatim into a {@link RawDatesModule}. Rome only calls a module parser for items
 * holding an element of its namespace, so one subclass is registered per item namespace (RSS 1.0, no namespace for
 * RSS 0.9x/2.0, Atom 1.0): every item has its own title/link in that namespace, so every item gets the module.
 */
public abstract class RawDatesModuleParser implements ModuleParser {

    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    @Override
    public Module parse(Element item, Locale locale) {
        RawDatesModuleImpl module = new RawDatesModuleImpl();
        module.setDcDate(item.getChildTextTrim("date", DC));
        module.setDctermsIssued(item.getChildTextTrim("issued", DCTERMS));
        module.setDctermsModified(item.getChildTextTrim("modified", DCTERMS));
        module.setPubDate(item.getChildTextTrim("pubDate"));
        module.setAtomPublished(item.getChildTextTrim("published", ATOM));
        module.setAtomUpdated(item.getChildTextTrim("updated", ATOM));
        return module;
    }

    /** For RSS 1.0 ({@code http://purl.org/rss/1.0/}) items. */
    public static class Rss10 extends RawDatesModuleParser {
        @Override
        public String getNamespaceUri() {
            return "http://purl.org/rss/1.0/";
        }
    }

    /** For RSS 0.9x / 2.0 items (no namespace). */
    public static class Rss20 extends RawDatesModuleParser {
        @Override
        public String getNamespaceUri() {
            return "";
        }
    }

    /** For Atom 1.0 entries. */
    public static class Atom10 extends RawDatesModuleParser {
        @Override
        public String getNamespaceUri() {
            return "http://www.w3.org/2005/Atom";
        }
    }
}
