package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.web.view.SearchForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

    @Test
    void readsEveryParameter() {
        SearchForm f = SearchParams.read(Map.of("q", List.of(" 認証 回避 "), "source", List.of("jvndb", "jvn", "jvndb"),
                "severity", List.of("high"), "category", List.of("alert"), "verdict", List.of("AFFECTED"),
                "kev", List.of("true"), "year", List.of("2026"), "sort", List.of("date"), "page", List.of("3"),
                "size", List.of("10")));
        assertThat(f.text()).isEqualTo("認証 回避");
        assertThat(f.sources()).containsExactly("jvndb", "jvn");
        assertThat(f.severities()).containsExactly("HIGH");
        assertThat(f.categories()).containsExactly("ALERT");
        assertThat(f.verdicts()).containsExactly("AFFECTED");
        assertThat(f.kev()).contains(true);
        assertThat(f.year()).contains(2026);
        assertThat(f.byDate()).isTrue();
        assertThat(f.page()).isEqualTo(3);
        assertThat(f.pageSize()).isEqualTo(10);
        assertThat(f.offset()).isEqualTo(20);
    }

    @Test
    void badValuesFallBackToDefaults() {
        SearchForm f = SearchParams.read(Map.of("kev", List.of("maybe"), "year", List.of("x"), "page", List.of("-4"),
                "size", List.of("100000"), "sort", List.of("weird")));
        assertThat(f.kev()).isEmpty();
        assertThat(f.year()).isEmpty();
        assertThat(f.page()).isEqualTo(1);
        assertThat(f.pageSize()).isEqualTo(SearchForm.MAX_PAGE_SIZE);
        assertThat(f.byDate()).isFalse();
    }

    @Test
    void urlRoundTripsTheWholeState() {
        SearchForm f = SearchParams.read(Map.of("q", List.of("Google Chrome & 認証"), "source", List.of("jvndb"),
                "kev", List.of("false"), "year", List.of("2026"), "sort", List.of("date"), "page", List.of("2")));
        String url = SearchParams.url("/", f, Lang.EN);
        assertThat(url).isEqualTo("/?q=Google%20Chrome%20%26%20%E8%AA%8D%E8%A8%BC&source=jvndb&kev=false&year=2026"
                + "&sort=date&page=2&lang=en");
        assertThat(SearchParams.url("/", SearchForm.of(""), Lang.JA)).isEqualTo("/");
    }

    @Test
    void togglingAFacetKeepsTheRestAndResetsThePage() {
        SearchForm f = SearchParams.withPage(SearchParams.read(Map.of("q", List.of("x"), "source", List.of("jvn"))), 4);
        SearchForm on = SearchParams.toggle(f, "severity", "HIGH");
        assertThat(on.severities()).containsExactly("HIGH");
        assertThat(on.sources()).containsExactly("jvn");
        assertThat(on.text()).isEqualTo("x");
        assertThat(on.page()).isEqualTo(1);
        SearchForm off = SearchParams.toggle(on, "source", "jvn");
        assertThat(off.sources()).isEmpty();
        assertThat(SearchParams.toggle(f, "kev", "true").kev()).isEqualTo(Optional.of(true));
        assertThat(SearchParams.toggle(SearchParams.toggle(f, "year", "2025"), "year", "2025").year()).isEmpty();
    }
}
