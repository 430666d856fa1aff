package dev.shirase.search;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.Severity;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** Maps an advisory to its Lucene document, and a stored document back to a {@link SearchHit}. */
final class AdvisoryDocuments {

    private AdvisoryDocuments() {
    }

    static Document toDocument(IndexEntry entry) {
        Advisory a = entry.advisory();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, a.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.ID_SORT, new BytesRef(a.id())));

        Set<String> ids = new LinkedHashSet<>();
        ids.add(a.id().toUpperCase(Locale.ROOT));
        a.identifiers().stream().sorted().map(Identifier::value).map(v -> v.toUpperCase(Locale.ROOT)).forEach(ids::add);
        ids.forEach(id -> doc.add(new StringField(IndexFields.IDS, id, Field.Store.NO)));
        for (String related : new LinkedHashSet<>(entry.relatedIds())) {
            doc.add(new StringField(IndexFields.RELATED, related.toUpperCase(Locale.ROOT), Field.Store.NO));
            doc.add(new StoredField(IndexFields.RELATED, related));
        }

        // Stored for the page and the highlighter, which finds its marks by re-analysing the stored text (offsets in
        // the postings would cost every document at indexing time, for the page of hits shown).
        doc.add(new TextField(IndexFields.TITLE, a.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE_JA, a.title(), Field.Store.NO));
        doc.add(new TextField(IndexFields.SUMMARY, a.summary(), Field.Store.YES));
        String products = productText(a.products());
        doc.add(new TextField(IndexFields.PRODUCTS, products, Field.Store.NO));

        doc.add(new StoredField(IndexFields.URL, a.url()));
        OffsetDateTime published = a.published();
        doc.add(new StoredField(IndexFields.PUBLISHED, published.toString()));
        doc.add(new NumericDocValuesField(IndexFields.PUBLISHED_SECONDS, published.toEpochSecond()));
        doc.add(new LongPoint(IndexFields.PUBLISHED_SECONDS, published.toEpochSecond()));
        long day = published.toLocalDate().toEpochDay();
        doc.add(new LongPoint(IndexFields.PUBLISHED_DAY, day));
        doc.add(new NumericDocValuesField(IndexFields.PUBLISHED_DAY, day));
        int year = published.getYear();
        doc.add(new IntPoint(IndexFields.YEAR, year));
        doc.add(facet(IndexFields.YEAR, Integer.toString(year)));

        keyword(doc, IndexFields.SOURCE, a.source(), true);
        keyword(doc, IndexFields.SEVERITY, a.severity().name(), true);
        keyword(doc, IndexFields.CATEGORY, a.category().name(), true);
        keyword(doc, IndexFields.KEV, Boolean.toString(a.kev().isPresent()), true);
        a.cves().forEach(cve -> doc.add(new StoredField(IndexFields.CVES, cve)));
        a.epss().map(EpssScore::score).ifPresent(score -> doc.add(new StoredField(IndexFields.EPSS, score)));
        for (String verdict : entry.verdicts().stream().sorted().toList()) {
            keyword(doc, IndexFields.VERDICT, verdict, false);
        }
        a.products().stream().map(AffectedProduct::vendor).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().forEach(vendor -> doc.add(facet(IndexFields.VENDOR, vendor)));
        return doc;
    }

    /** A filterable keyword: indexed term + facet doc values (+ stored when a hit needs it). */
    private static void keyword(Document doc, String field, String value, boolean stored) {
        doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(facet(field, value));
    }

    private static SortedSetDocValuesField facet(String dimension, String value) {
        return new SortedSetDocValuesField(IndexFields.facetField(dimension), new BytesRef(value));
    }

    private static String productText(List<AffectedProduct> products) {
        StringBuilder sb = new StringBuilder();
        for (AffectedProduct p : products) {
            sb.append(p.vendor()).append(' ').append(p.product()).append('\n');
        }
        return sb.toString();
    }

    static SearchHit toHit(Document doc, String titleHtml, String snippetHtml, float score) {
        IndexableField epssField = doc.getField(IndexFields.EPSS);
        Optional<Double> epssScore = epssField == null || epssField.numericValue() == null
                ? Optional.empty() : Optional.of(epssField.numericValue().doubleValue());
        return new SearchHit(
                doc.get(IndexFields.ID),
                orEmpty(doc.get(IndexFields.TITLE)),
                orEmpty(doc.get(IndexFields.URL)),
                orEmpty(doc.get(IndexFields.SOURCE)),
                OffsetDateTime.parse(doc.get(IndexFields.PUBLISHED)),
                Arrays.asList(doc.getValues(IndexFields.CVES)),
                Severity.parse(doc.get(IndexFields.SEVERITY)),
                Arrays.asList(doc.getValues(IndexFields.RELATED)),
                titleHtml,
                snippetHtml,
                score,
                Boolean.parseBoolean(doc.get(IndexFields.KEV)),
                epssScore,
                category(doc.get(IndexFields.CATEGORY)));
    }

    private static Category category(String name) {
        try {
            return name == null ? Category.VULNERABILITY : Category.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Category.VULNERABILITY;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
