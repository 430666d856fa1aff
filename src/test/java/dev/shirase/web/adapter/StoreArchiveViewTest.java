package dev.shirase.web.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import dev.shirase.search.SearchQuery;
import dev.shirase.search.SortOrder;
import dev.shirase.web.view.SearchForm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's form mapped to the index query (the adapter over the real index is exercised by WebServerTest). */
class StoreArchiveViewTest {

    @Test
    void formMapsToIndexQuery() {
        SearchForm form = new SearchForm("認証 回避", List.of("jvndb"), List.of("HIGH", "BOGUS"), List.of("ALERT", "NOPE"),
                List.of("Google"), List.of("AFFECTED"), Optional.of(true), Optional.of(2026), true, 3, 10);
        SearchQuery q = StoreArchiveView.toQuery(form);
        assertThat(q.text()).isEqualTo("認証 回避 \"Google\"");
        assertThat(q.sources()).containsExactly("jvndb");
        assertThat(q.severities()).containsExactly(Severity.HIGH);
        assertThat(q.categories()).containsExactly(Category.ALERT);
        assertThat(q.verdicts()).containsExactly("AFFECTED");
        assertThat(q.kev()).contains(true);
        assertThat(q.year()).contains(2026);
        assertThat(q.sort()).isEqualTo(SortOrder.DATE);
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.limit()).isEqualTo(10);
    }

    @Test
    void emptyFormIsEverythingByRelevance() {
        SearchQuery q = StoreArchiveView.toQuery(SearchForm.of(""));
        assertThat(q.text()).isEmpty();
        assertThat(q.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(q.kev()).isEmpty();
        assertThat(q.offset()).isZero();
        assertThat(q.limit()).isEqualTo(SearchForm.DEFAULT_PAGE_SIZE);
    }
}
