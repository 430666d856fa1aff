package dev.shirase.web.adapter;

import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.search.SearchResults;
import dev.shirase.search.SortOrder;
import dev.shirase.source.SourceState;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.SourceStateRepository;
import dev.shirase.web.view.AdvisoryDetail;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.HitRow;
import dev.shirase.web.view.Readiness;
import dev.shirase.web.view.ResultPage;
import dev.shirase.web.view.Revision;
import dev.shirase.web.view.SearchForm;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The archive pages over the real store (H2 / PostgreSQL) and the Lucene index: search goes to the index,
 * one advisory (with KEV/EPSS, related ids, revisions) and source health come from the store.
 */
public final class StoreArchiveView implements ArchiveView {

    private final Database db;
    private final AdvisoryRepository advisories;
    private final SourceStateRepository sources;
    private final AdvisoryIndex index;

    public StoreArchiveView(Database db, AdvisoryRepository advisories, SourceStateRepository sources,
                            AdvisoryIndex index) {
        this.db = db;
        this.advisories = advisories;
        this.sources = sources;
        this.index = index;
    }

    @Override
    public ResultPage search(SearchForm form) {
        SearchResults r = index.search(toQuery(form));
        List<HitRow> hits = new ArrayList<>(r.hits().size());
        for (SearchHit h : r.hits()) {
            hits.add(new HitRow(h.id(), h.title(), h.url(), h.source(), h.published(), h.cves(), h.severity().name(),
                    h.related(), h.titleHtml(), h.snippetHtml(), h.score(), h.kev(), h.epss(), h.category().name()));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String dim : SearchResults.FACET_DIMENSIONS) {
            Map<String, Long> values = r.facets().get(dim);
            if (values != null && !values.isEmpty()) {
                facets.put(dim, values);
            }
        }
        return new ResultPage(r.total(), hits, facets);
    }

    /** Maps the page's form to the index query. Vendors have no index filter: they narrow the text (AND). */
    static SearchQuery toQuery(SearchForm form) {
        StringBuilder text = new StringBuilder(form.text());
        for (String vendor : form.vendors()) {
            text.append(text.length() == 0 ? "" : " ").append('"').append(vendor.replace("\"", "")).append('"');
        }
        List<Severity> severities = form.severities().stream().map(Severity::parse)
                .filter(s -> s != Severity.UNKNOWN || form.severities().contains("UNKNOWN")).toList();
        List<Category> categories = new ArrayList<>();
        for (String c : form.categories()) {
            try {
                categories.add(Category.valueOf(c));
            } catch (IllegalArgumentException e) {
                // An unknown category in a hand-edited URL is ignored rather than failing the page.
            }
        }
        SearchQuery q = SearchQuery.of(text.toString())
                .withSources(form.sources())
                .withSeverities(severities)
                .withCategories(categories)
                .withVerdicts(form.verdicts())
                .withSort(form.byDate() ? SortOrder.DATE : SortOrder.RELEVANCE)
                .withPage(form.offset(), form.pageSize());
        if (form.kev().isPresent()) {
            q = q.withKev(form.kev().get());
        }
        if (form.year().isPresent()) {
            q = q.withYear(form.year().get());
        }
        return q;
    }

    @Override
    public Optional<AdvisoryDetail> advisory(String id) {
        return advisories.find(id).map(a -> new AdvisoryDetail(a,
                advisories.relatedIds(id).stream().filter(r -> !r.equals(id)).sorted().toList(),
                advisories.revisionHistory(id).stream().map(r -> new Revision(r.revision(), r.changedAt())).toList()));
    }

    @Override
    public List<SourceState> sources() {
        return sources.all().stream().sorted(Comparator.comparing(SourceState::sourceId)).toList();
    }

    @Override
    public long advisoryCount() {
        return advisories.count();
    }

    @Override
    public Readiness readiness() {
        boolean dbUp;
        String dbDetail;
        try (Connection c = db.connection()) {
            dbUp = c.isValid(2);
            dbDetail = dbUp ? "reachable" : "connection not valid";
        } catch (Exception e) {
            dbUp = false;
            dbDetail = "unreachable: " + e.getClass().getSimpleName();
        }
        boolean indexUp;
        String indexDetail;
        try {
            indexDetail = "open, " + index.count() + " documents";
            indexUp = true;
        } catch (RuntimeException e) {
            indexUp = false;
            indexDetail = "not open: " + e.getClass().getSimpleName();
        }
        return new Readiness(dbUp, dbDetail, indexUp, indexDetail);
    }
}
