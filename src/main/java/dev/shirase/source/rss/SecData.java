package dev.shirase.source.rss;

import java.util.List;

/** Immutable snapshot of an item's {@link JvnSecModule}. */
public record SecData(String identifier, List<SecReference> references, List<SecCpe> cpes, List<SecCvss> cvss,
                      List<SecItem> items) {
    public static final SecData EMPTY = new SecData("", List.of(), List.of(), List.of(), List.of());

    public SecData {
        identifier = identifier == null ? "" : identifier.trim();
        references = references == null ? List.of() : List.copyOf(references);
        cpes = cpes == null ? List.of() : List.copyOf(cpes);
        cvss = cvss == null ? List.of() : List.copyOf(cvss);
        items = items == null ? List.of() : List.copyOf(items);
    }

    static SecData of(JvnSecModule m) {
        return new SecData(m.getIdentifier(), m.getReferences(), m.getCpes(), m.getCvss(), m.getItems());
    }
}
