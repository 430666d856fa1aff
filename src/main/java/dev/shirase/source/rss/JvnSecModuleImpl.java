package dev.shirase.source.rss;

import com.rometools.rome.feed.CopyFrom;
import java.util.List;

/** The {@link JvnSecModule} bean; values are immutable records, so clone is a shallow copy. */
public class JvnSecModuleImpl implements JvnSecModule {
    private static final long serialVersionUID = 1L;

    private final String uri;
    private String identifier = "";
    private List<SecReference> references = List.of();
    private List<SecCpe> cpes = List.of();
    private List<SecCvss> cvss = List.of();
    private List<SecItem> items = List.of();

    public JvnSecModuleImpl() {
        this(URI);
    }

    /** @param uri the namespace the elements came in (legacy or 3.0) */
    public JvnSecModuleImpl(String uri) {
        this.uri = uri;
    }

    @Override
    public String getUri() {
        return uri;
    }

    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public void setIdentifier(String identifier) {
        this.identifier = identifier == null ? "" : identifier.trim();
    }

    @Override
    public List<SecReference> getReferences() {
        return references;
    }

    @Override
    public void setReferences(List<SecReference> references) {
        this.references = references == null ? List.of() : List.copyOf(references);
    }

    @Override
    public List<SecCpe> getCpes() {
        return cpes;
    }

    @Override
    public void setCpes(List<SecCpe> cpes) {
        this.cpes = cpes == null ? List.of() : List.copyOf(cpes);
    }

    @Override
    public List<SecCvss> getCvss() {
        return cvss;
    }

    @Override
    public void setCvss(List<SecCvss> cvss) {
        this.cvss = cvss == null ? List.of() : List.copyOf(cvss);
    }

    @Override
    public List<SecItem> getItems() {
        return items;
    }

    @Override
    public void setItems(List<SecItem> items) {
        this.items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return JvnSecModule.class;
    }

    @Override
    public void copyFrom(CopyFrom obj) {
        JvnSecModule other = (JvnSecModule) obj;
        setIdentifier(other.getIdentifier());
        setReferences(other.getReferences());
        setCpes(other.getCpes());
        setCvss(other.getCvss());
        setItems(other.getItems());
    }

    @Override
    public Object clone() {
        JvnSecModuleImpl copy = new JvnSecModuleImpl(uri);
        copy.copyFrom(this);
        return copy;
    }
}
