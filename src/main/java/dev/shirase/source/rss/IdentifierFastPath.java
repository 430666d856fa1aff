package dev.shirase.source.rss;

import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.IdentifierType;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link IdentifierExtractor} with the same results, cheaper where feeds spend most of it: an id already written in
 * canonical form ({@code CVE-2026-106302}, {@code JVNDB-2026-037242}) is taken as it is, and text naming no
 * identifier keyword is not run through the extractor's six patterns at all.
 */
final class IdentifierFastPath {

    private IdentifierFastPath() {
    }

    /** {@link IdentifierExtractor#parse}. */
    static Optional<Identifier> parse(String text) {
        if (text != null) {
            if (isCanonical(text, "CVE-", 4, 7)) {
                return Optional.of(Identifier.of(IdentifierType.CVE, text));
            }
            if (isCanonical(text, "JVNDB-", 6, 6)) {
                return Optional.of(Identifier.of(IdentifierType.JVNDB, text));
            }
        }
        return IdentifierExtractor.parse(text);
    }

    /**
     * {@link IdentifierExtractor#extract}. Every pattern of the extractor starts with CVE, JVN (JVNDB, JVNVU, MYJVN) or
     * JPCERT, matched case-insensitively in ASCII only, so text without any of them yields nothing.
     */
    static Set<Identifier> extract(String text) {
        if (text == null || !namesAKeyword(text)) {
            return new TreeSet<>();
        }
        return IdentifierExtractor.extract(text);
    }

    /** {@code prefix} + 4 ASCII digits + "-" + {@code min..max} ASCII digits, nothing else. */
    private static boolean isCanonical(String text, String prefix, int min, int max) {
        int digits = text.length() - prefix.length() - 5;
        if (digits < min || digits > max || !text.startsWith(prefix) || text.charAt(prefix.length() + 4) != '-') {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != prefix.length() + 4) {
                return false;
            }
        }
        return true;
    }

    private static boolean namesAKeyword(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c == 'c' && isAsciiLetter(text, i + 1, 'v') && isAsciiLetter(text, i + 2, 'e')
                    || c == 'j' && (isAsciiLetter(text, i + 1, 'v') && isAsciiLetter(text, i + 2, 'n')
                    || isAsciiLetter(text, i + 1, 'p'))) {
                return true;
            }
        }
        return false;
    }

    /** The character at {@code i} is {@code lower} or its ASCII capital. */
    private static boolean isAsciiLetter(String text, int i, char lower) {
        char c = text.charAt(i);
        return c == lower || c == lower - 32;
    }
}
