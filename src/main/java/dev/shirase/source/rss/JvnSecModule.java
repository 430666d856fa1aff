package dev.shirase.source.rss;

import com.rometools.rome.feed.module.Module;
import java.util.List;

/**
 * Rome module for JVN's {@code sec:} (mod_sec) elements of one item or entry.
 * The namespace is {@value #URI} in jvndb_new.rdf and {@value #URI_30} in MyJVN; both are read the same way.
 * JavaBean getters/setters are required by Rome.
 */
public interface JvnSecModule extends Module {
    String URI = "http://jvn.jp/rss/mod_sec/";
    String URI_30 = "http://jvn.jp/rss/mod_sec/3.0/";

    String getIdentifier();

    void setIdentifier(String identifier);

    List<SecReference> getReferences();

    void setReferences(List<SecReference> references);

    List<SecCpe> getCpes();

    void setCpes(List<SecCpe> cpes);

    List<SecCvss> getCvss();

    void setCvss(List<SecCvss> cvss);

    List<SecItem> getItems();

    void setItems(List<SecItem> items);
}
