package dev.shirase.advisory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One security advisory as every stage after parsing sees it, whatever feed it came from.
 *
 * <p>Identity is {@link #id()}: stable across re-fetches and revisions (e.g. {@code JVNDB-2026-037242},
 * {@code JVN#12345678}, {@code JPCERT-AT-2026-0004}). Fields are never null: absent text is {@code ""},
 * absent values are empty collections or {@link Optional#empty()}.
 *
 * <p>{@link #kev()} and {@link #epss()} are enrichment attached by CVE when read from the store;
 * parsers leave them empty. {@link #revision()} and {@link #firstSeen()} are kept by the store.
 */
public record Advisory(
        String id,
        String source,
        String url,
        String title,
        String summary,
        OffsetDateTime published,
        OffsetDateTime modified,
        Category category,
        Set<Identifier> identifiers,
        List<Cvss> cvss,
        List<AffectedProduct> products,
        List<Reference> references,
        Optional<KevEntry> kev,
        Optional<EpssScore> epss,
        int revision) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        modified = modified == null ? published : modified;
        category = category == null ? Category.VULNERABILITY : category;
        identifiers = identifiers == null ? Set.of() : Set.copyOf(identifiers);
        cvss = cvss == null ? List.of() : List.copyOf(cvss);
        products = products == null ? List.of() : List.copyOf(products);
        references = references == null ? List.of() : List.copyOf(references);
        kev = kev == null ? Optional.empty() : kev;
        epss = epss == null ? Optional.empty() : epss;
    }

    /** A freshly parsed advisory: no enrichment, revision 0 (the store numbers revisions). */
    public static Advisory parsed(String id, String source, String url, String title, String summary,
                                  OffsetDateTime published, OffsetDateTime modified, Category category,
                                  Set<Identifier> identifiers, List<Cvss> cvss,
                                  List<AffectedProduct> products, List<Reference> references) {
        return new Advisory(id, source, url, title, summary, published, modified, category,
                identifiers, cvss, products, references, Optional.empty(), Optional.empty(), 0);
    }

    /** CVE ids carried by this advisory, sorted. */
    public List<String> cves() {
        return identifiers.stream().filter(i -> i.type() == IdentifierType.CVE)
                .map(Identifier::value).sorted().toList();
    }

    /** The highest CVSS score given, if any. */
    public Optional<Cvss> topCvss() {
        return cvss.stream().max(java.util.Comparator.comparingDouble(Cvss::score));
    }

    /** Severity of the highest CVSS, or {@link Severity#UNKNOWN}. */
    public Severity severity() {
        return topCvss().map(Cvss::severity).orElse(Severity.UNKNOWN);
    }

    public Advisory withEnrichment(Optional<KevEntry> kevEntry, Optional<EpssScore> epssScore) {
        return new Advisory(id, source, url, title, summary, published, modified, category, identifiers,
                cvss, products, references, kevEntry, epssScore, revision);
    }

    public Advisory withRevision(int newRevision) {
        return new Advisory(id, source, url, title, summary, published, modified, category, identifiers,
                cvss, products, references, kev, epss, newRevision);
    }
}
