package dev.shirase.digest;

import java.util.List;
import java.util.Objects;

/** A titled group of entries; the renderer supplies the localised heading from {@link #kind()}. */
public record DigestSection(SectionKind kind, List<DigestEntry> items) {
    public DigestSection {
        Objects.requireNonNull(kind, "kind");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The same section with its items in digest order ({@link DigestEntryOrder}). */
    public DigestSection sorted() {
        return new DigestSection(kind, items.stream().sorted(DigestEntryOrder.INSTANCE).toList());
    }
}
