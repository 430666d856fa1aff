package dev.shirase.advisory;

import java.util.Objects;

/** A typed identifier such as {@code CVE-2026-106302}, {@code JVNDB-2026-037242} or {@code JVNVU#94062711}. */
public record Identifier(IdentifierType type, String value) implements Comparable<Identifier> {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, value);
    }

    @Override
    public int compareTo(Identifier other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
