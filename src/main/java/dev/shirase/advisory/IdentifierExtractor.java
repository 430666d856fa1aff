package dev.shirase.advisory;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds identifiers (CVE, JVNDB, JVN#, JVNVU#, JPCERT alerts) in free text, normalised to canonical form. */
public final class IdentifierExtractor {

    private static final Pattern CVE = Pattern.compile("(?i)(?<![A-Za-z0-9])CVE[-‐－](\\d{4})[-‐－](\\d{4,7})(?![A-Za-z0-9])");
    private static final Pattern JVNDB = Pattern.compile("(?i)(?<![A-Za-z0-9])JVNDB[-‐－](\\d{4})[-‐－](\\d{6})(?![A-Za-z0-9])");
    private static final Pattern JVNVU = Pattern.compile("(?i)(?<![A-Za-z0-9])JVNVU[#＃](\\d{8})(?![A-Za-z0-9])");
    private static final Pattern JVN = Pattern.compile("(?i)(?<![A-Za-z0-9])JVN[#＃](\\d{8})(?![A-Za-z0-9])");
    private static final Pattern JPCERT_AT = Pattern.compile("(?i)(?<![A-Za-z0-9])JPCERT[-‐－]AT[-‐－](\\d{4})[-‐－](\\d{4})(?![A-Za-z0-9])");
    private static final Pattern MYJVN_ALERT = Pattern.compile("(?i)(?<![A-Za-z0-9])MYJVN[-‐－]ALT[-‐－](\\d{4})[-‐－](\\d{4})(?![A-Za-z0-9])");

    private IdentifierExtractor() {
    }

    /** Every identifier found in {@code text}; an empty set for null or blank text. */
    public static Set<Identifier> extract(String text) {
        Set<Identifier> found = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        collect(CVE, text, found, m -> Identifier.of(IdentifierType.CVE, "CVE-" + m.group(1) + "-" + m.group(2)));
        collect(JVNDB, text, found, m -> Identifier.of(IdentifierType.JVNDB, "JVNDB-" + m.group(1) + "-" + m.group(2)));
        collect(JVNVU, text, found, m -> Identifier.of(IdentifierType.JVNVU, "JVNVU#" + m.group(1)));
        collect(JVN, text, found, m -> Identifier.of(IdentifierType.JVN, "JVN#" + m.group(1)));
        collect(JPCERT_AT, text, found, m -> Identifier.of(IdentifierType.JPCERT, "JPCERT-AT-" + m.group(1) + "-" + m.group(2)));
        collect(MYJVN_ALERT, text, found, m -> Identifier.of(IdentifierType.MYJVN_ALERT, "MYJVN-ALT-" + m.group(1) + "-" + m.group(2)));
        return found;
    }

    /** The canonical form of one identifier string, if it is one ({@code cve-2024-1 } → {@code CVE-2024-1}). */
    public static java.util.Optional<Identifier> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Set<Identifier> ids = extract(text.trim().toUpperCase(Locale.ROOT));
        return ids.size() == 1 ? java.util.Optional.of(ids.iterator().next()) : java.util.Optional.empty();
    }

    private static void collect(Pattern pattern, String text, Set<Identifier> into,
                                java.util.function.Function<Matcher, Identifier> build) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(build.apply(m));
        }
    }
}
