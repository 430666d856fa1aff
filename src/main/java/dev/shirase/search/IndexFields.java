package dev.shirase.search;

/** Names of the Lucene fields of one advisory document (one place, so writer, searcher and tests agree). */
final class IndexFields {

    /** Exact advisory id: the update/delete key (StringField, stored). */
    static final String ID = "id";
    /** Advisory id for deterministic tie-breaks (SortedDocValues). */
    static final String ID_SORT = "id_sort";
    /** Upper-cased advisory id and every identifier it carries (StringField, multi-valued). */
    static final String IDS = "ids";
    /** Upper-cased ids of related advisories (StringField, multi-valued, stored). */
    static final String RELATED = "related";

    /** Text fields analysed with the CJK-bigram chain; title and summary are stored and highlighted. */
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String PRODUCTS = "products";
    /** The title analysed with kuromoji (search mode). Summary and products are bigram-only. */
    static final String TITLE_JA = TITLE + "_ja";

    static final String URL = "url";
    static final String SOURCE = "source";
    /** ISO-8601 published timestamp with its offset (stored only). */
    static final String PUBLISHED = "published";
    /**
     * Published instant in epoch seconds: NumericDocValues for the DATE sort, and a LongPoint of the same name, which
     * lets Lucene skip documents that cannot enter the top N of that sort.
     */
    static final String PUBLISHED_SECONDS = "published_s";
    /** Published local date as epoch day (LongPoint for "since", NumericDocValues for the recency boost). */
    static final String PUBLISHED_DAY = "published_day";
    static final String YEAR = "year";
    static final String CVES = "cves";
    static final String SEVERITY = "severity";
    static final String CATEGORY = "category";
    static final String KEV = "kev";
    static final String EPSS = "epss";
    static final String VERDICT = "verdict";
    static final String VENDOR = "vendor";

    /** Prefix of the SortedSetDocValues fields counted for facets, e.g. {@code f_source}. */
    static final String FACET_PREFIX = "f_";

    private IndexFields() {
    }

    static String facetField(String dimension) {
        return FACET_PREFIX + dimension;
    }
}
