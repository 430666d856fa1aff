package dev.shirase.source.icat;

import java.util.List;

/** A successful icat reply: its items in feed order, and the {@code docDate} ("" if absent). */
public record IcatDocument(List<IcatItem> items, String docDate) {
    public IcatDocument {
        items = items == null ? List.of() : List.copyOf(items);
        docDate = docDate == null ? "" : docDate;
    }
}
