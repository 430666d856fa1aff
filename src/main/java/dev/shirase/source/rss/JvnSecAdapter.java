package dev.shirase.source.rss;

import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.PlainText;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns JVN {@code sec:} data into the canonical identifiers, products, CVSS ratings and references. */
public final class JvnSecAdapter {

    /** Reference sources whose {@code id} is an advisory identifier (CWE and 関連文書 ids are not). */
    private static final Set<String> ID_SOURCES = Set.of("CVE", "NVD", "JVN", "JVNDB", "JVNVU");

    private JvnSecAdapter() {
    }

    /** Own {@code sec:identifier}, ids of CVE/NVD/JVN references, and ids named in {@code texts}. */
    public static Set<Identifier> identifiers(SecData sec, String... texts) {
        Set<Identifier> ids = new TreeSet<>();
        IdentifierFastPath.parse(sec.identifier()).ifPresent(ids::add);
        for (SecReference ref : sec.references()) {
            if (ID_SOURCES.contains(ref.source().toUpperCase(Locale.ROOT))) {
                IdentifierFastPath.parse(ref.id()).ifPresent(ids::add);
            }
        }
        for (String text : texts) {
            ids.addAll(IdentifierFastPath.extract(text));
        }
        return ids;
    }

    /**
     * One product per {@code sec:cpe}. The {@code version} attribute becomes the version text only when it is not
     * the CPE format version: JVN iPedia writes {@code version="2.2"} on {@code cpe:/…} URIs (CPE 2.2 syntax).
     */
    public static List<AffectedProduct> products(SecData sec) {
        List<AffectedProduct> products = new ArrayList<>();
        for (SecCpe cpe : sec.cpes()) {
            Optional<String> version = isCpeFormatVersion(cpe) ? Optional.empty() : Optional.of(cpe.version());
            products.add(new AffectedProduct(Optional.of(cpe.cpe()), PlainTextFastPath.of(cpe.vendor()),
                    PlainTextFastPath.of(cpe.product()), version));
        }
        return products;
    }

    static boolean isCpeFormatVersion(SecCpe cpe) {
        String v = cpe.version();
        String uri = cpe.cpe().toLowerCase(Locale.ROOT);
        return v.isEmpty()
                || (v.equals("2.2") && uri.startsWith("cpe:/"))
                || (v.equals("2.3") && uri.startsWith("cpe:2.3:"));
    }

    /** CVSS ratings with a readable score; a rating whose score is not a number in 0..10 is dropped. */
    public static List<Cvss> cvss(SecData sec) {
        List<Cvss> ratings = new ArrayList<>();
        for (SecCvss c : sec.cvss()) {
            double score;
            try {
                score = Double.parseDouble(c.score());
            } catch (NumberFormatException e) {
                continue;
            }
            if (score < 0.0 || score > 10.0 || Double.isNaN(score)) {
                continue;
            }
            ratings.add(new Cvss(c.version(), score, Severity.parse(c.severity()), c.vector()));
        }
        return ratings;
    }

    /** References with an http(s) URL; others (javascript:, relative, blank) are dropped. */
    public static List<Reference> references(SecData sec) {
        List<Reference> refs = new ArrayList<>();
        for (SecReference r : sec.references()) {
            PlainText.httpUrl(r.url()).ifPresent(url ->
                    refs.add(new Reference(r.source(), PlainTextFastPath.of(r.id()), PlainTextFastPath.of(r.title()), url)));
        }
        return refs;
    }
}
