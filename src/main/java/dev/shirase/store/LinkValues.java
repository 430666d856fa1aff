package dev.shirase.store;

import dev.shirase.advisory.Identifier;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code link_values} column: an advisory's identifier values (the ones it is linked by), space-separated. It is
 * how an advisory's identifiers are read without a second index on {@code advisory_identifier}. Identifier values
 * never contain white space: they are the canonical forms {@link dev.shirase.advisory.IdentifierExtractor} writes.
 */
final class LinkValues {
    private LinkValues() {
    }

    static String join(Collection<Identifier> identifiers) {
        return identifiers.stream().map(Identifier::value).collect(Collectors.joining(" "));
    }

    static List<String> split(String column) {
        return column.isEmpty() ? List.of() : List.of(column.split(" "));
    }
}
