package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only searches over one shared index of the real fixtures (built once: indexing is the slow part). */
class AdvisorySearchTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-10T00:00:00Z"), ZoneOffset.UTC);

    static AdvisoryIndex index;

    @BeforeAll
    static void setUp() {
        index = AdvisoryIndex.inMemory(CLOCK);
        indexFixtures(index);
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    static void indexFixtures(AdvisoryIndex target) {
        for (Advisory a : AdvisoryFixtures.real()) {
            if (a.id().equals("JPCERT-AT-2026-0002")) {
                a = AdvisoryFixtures.withKev(a, "CVE-2026-1281");
            }
            List<String> related = a.id().equals("JVNVU#94648869") ? List.of("JVNDB-2026-036911") : List.of();
            Set<String> verdicts = a.id().equals("JVNDB-2026-036911") ? Set.of("該当")
                    : a.id().startsWith("JVNDB-2026-03691") ? Set.of("要確認") : Set.of();
            target.index(a, related, verdicts);
        }
        target.index(AdvisoryFixtures.tampering(), List.of(), List.of());
        target.index(AdvisoryFixtures.hostile(), List.of(), List.of());
        target.commit();
    }

    static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }

    SearchResults search(String text) {
        return index.search(SearchQuery.of(text).withPage(0, 100));
    }

    @Test
    void countsEveryIndexedAdvisory() {
        assertThat(index.count()).isEqualTo(AdvisoryFixtures.real().size() + 2);
        assertThat(index.ids()).contains("JVNDB-2026-037242", "JVN#91153973", "JPCERT-AT-2026-0004");
    }

    @Test
    void twoCharacterTermAlwaysHits() {
        SearchResults results = search("認証");
        assertThat(ids(results)).containsExactlyInAnyOrder(
                "JVNDB-2026-036914", "JVNDB-2026-036909", "JVNDB-2026-036908");
        assertThat(results.total()).isEqualTo(3);
    }

    @Test
    void kanaMixedTwoCharacterTermHits() {
        assertThat(ids(search("改ざん"))).containsExactly("JVN#00000001");
    }

    @Test
    void fullWidthLatinFindsChrome() {
        List<String> found = ids(search("ＣＨＲＯＭＥ"));
        assertThat(found).contains("JVNDB-2026-037242", "JVNDB-2026-037241", "JVN#00000666",
                "https://www.jpcert.or.jp/wr/2026/wr260226.html#3");
        assertThat(found).doesNotContain("JVNDB-2026-036911");
        assertThat(ids(search("chrome"))).containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void halfWidthKatakanaMatchesFullWidth() {
        assertThat(ids(search("ｿｰｼｬﾙｴﾝｼﾞﾆｱﾘﾝｸﾞ")))
                .containsExactlyInAnyOrder("JVNDB-2026-037242", "JVNDB-2026-037241");
        assertThat(ids(search("ﾊﾞｯﾌｧﾛｰ"))).containsExactly("JVNVU#94863997");
    }

    @Test
    void wordsAreAndedTogether() {
        assertThat(ids(search("Sling"))).containsExactlyInAnyOrder("JVNDB-2026-036913", "JVNDB-2026-036912");
        assertThat(ids(search("Sling 保護メカニズム"))).containsExactly("JVNDB-2026-036912");
        assertThat(ids(search("TeamCity コマンドインジェクション"))).containsExactly("JVNDB-2026-036909");
        assertThat(ids(search("Chrome 観測可能"))).containsExactly("JVNDB-2026-037241");
        assertThat(search("Sling クアルコム").total()).isZero();
    }

    @Test
    void japaneseWithoutSpacesIsAPhrase() {
        assertThat(ids(search("サービス拒否"))).containsExactly("JVNDB-2026-036908");
        assertThat(ids(search("パストラバーサル"))).containsExactly("JVNVU#90160989");
    }

    @Test
    void cveFindsEveryAdvisoryCarryingItFirst() {
        SearchResults results = search("CVE-2026-106302");
        assertThat(ids(results)).first().isEqualTo("JVNDB-2026-037242");
        assertThat(results.hits().get(0).cves()).containsExactly("CVE-2026-106302");

        List<String> ivanti = ids(search("cve-2026-1281"));
        assertThat(ivanti).containsExactly("JPCERT-AT-2026-0002");
    }

    @Test
    void jvnIdentifiersInAnyCaseFindAllCarriers() {
        assertThat(ids(search("jvnvu#94062711")).subList(0, 2))
                .containsExactlyInAnyOrder("JVNVU#94062711", "JVNDB-2026-036917");
        assertThat(ids(search("JVNVU#94062711")).subList(0, 2))
                .containsExactlyInAnyOrder("JVNVU#94062711", "JVNDB-2026-036917");
        assertThat(ids(search("jvn#91153973"))).first().isEqualTo("JVN#91153973");
        assertThat(ids(search("jvndb-2026-036914"))).first().isEqualTo("JVNDB-2026-036914");
        assertThat(ids(search("JPCERT-AT-2026-0004"))).first().isEqualTo("JPCERT-AT-2026-0004");
    }

    @Test
    void identifierInsideLongerQueryStillFindsItsAdvisory() {
        assertThat(ids(search("詳細 JVNDB-2026-036913 を参照"))).first().isEqualTo("JVNDB-2026-036913");
    }

    @Test
    void relatedIdsAreStoredAndSearchable() {
        SearchResults results = search("JVNDB-2026-036911");
        assertThat(ids(results)).startsWith("JVNDB-2026-036911", "JVNVU#94648869");
        SearchHit jvn = results.hits().get(1);
        assertThat(jvn.related()).containsExactly("JVNDB-2026-036911");
    }

    @Test
    void recentAdvisoryOutranksEquallyRelevantOldOne() {
        try (AdvisoryIndex small = AdvisoryIndex.inMemory(CLOCK)) {
            String title = "Example Routerにおける認証回避の脆弱性";
            String summary = "Example Routerには認証回避の脆弱性が存在します。";
            small.index(AdvisoryFixtures.advisory("JVN#00000010", "jvn", "", title, summary,
                    "2021-10-01T12:00:00+09:00", Category.VULNERABILITY, List.of(), List.of(), Set.of()), List.of(), List.of());
            small.index(AdvisoryFixtures.advisory("JVN#00000020", "jvn", "", title, summary,
                    "2026-10-01T12:00:00+09:00", Category.VULNERABILITY, List.of(), List.of(), Set.of()), List.of(), List.of());
            small.commit();
            SearchResults results = small.search(SearchQuery.of("認証回避"));
            assertThat(ids(results)).containsExactly("JVN#00000020", "JVN#00000010");
            assertThat(results.hits().get(0).score()).isGreaterThan(results.hits().get(1).score());
        }
    }

    @Test
    void strongTextMatchBeatsRecency() {
        try (AdvisoryIndex small = AdvisoryIndex.inMemory(CLOCK)) {
            small.index(AdvisoryFixtures.advisory("JVN#00000030", "jvn", "", "OpenSSLにおける脆弱性",
                    "OpenSSLにはOpenSSL固有の脆弱性が存在します。", "2022-10-01T12:00:00+09:00",
                    Category.VULNERABILITY, List.of(), List.of(), Set.of()), List.of(), List.of());
            small.index(AdvisoryFixtures.advisory("JVN#00000040", "jvn", "", "複数製品における脆弱性",
                    "ネットワーク機器、ルータ、ファイアウォール、VPN装置、複合機、Webサーバ、メールサーバ、データベース等の"
                            + "複数の製品に複数の脆弱性が存在します。一部の製品はOpenSSLを同梱しています。",
                    "2026-10-09T12:00:00+09:00", Category.VULNERABILITY, List.of(), List.of(), Set.of()), List.of(), List.of());
            small.commit();
            assertThat(ids(small.search(SearchQuery.of("OpenSSL")))).containsExactly("JVN#00000030", "JVN#00000040");
            assertThat(ids(small.search(SearchQuery.of("OpenSSL").withSort(SortOrder.DATE))))
                    .containsExactly("JVN#00000040", "JVN#00000030");
        }
    }

    @Test
    void emptyQueryListsEverythingNewestFirst() {
        SearchResults results = index.search(SearchQuery.all().withPage(0, 5));
        assertThat(results.total()).isEqualTo(index.count());
        assertThat(ids(results)).containsExactly("JVNVU#91137775", "JVNDB-2026-037241", "JVNDB-2026-037242",
                "JVNDB-2026-036917", "JVNDB-2026-036908");
        List<OffsetDateTime> dates = index.search(SearchQuery.all().withPage(0, 100)).hits().stream()
                .map(SearchHit::published).toList();
        for (int i = 1; i < dates.size(); i++) {
            assertThat(dates.get(i - 1).toInstant()).isAfterOrEqualTo(dates.get(i).toInstant());
        }
    }

    @Test
    void pagingReturnsConsecutiveSlices() {
        SearchResults first = index.search(SearchQuery.of("脆弱性").withPage(0, 100));
        List<String> all = ids(first);
        assertThat(all).hasSize((int) first.total()).hasSizeGreaterThan(30);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 7) {
            SearchResults page = index.search(SearchQuery.of("脆弱性").withPage(offset, 7));
            assertThat(page.total()).isEqualTo(first.total());
            paged.addAll(ids(page));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(index.search(SearchQuery.of("脆弱性").withPage(500, 7)).hits()).isEmpty();
    }

    @Test
    void filtersNarrowTheResults() {
        assertThat(index.search(SearchQuery.all().withSources(Set.of("jvndb")).withPage(0, 100)).total()).isEqualTo(12);
        assertThat(index.search(SearchQuery.all().withSources(Set.of("jvndb", "jpcert")).withPage(0, 100)).total())
                .isEqualTo(19);
        assertThat(ids(index.search(SearchQuery.of("脆弱性").withSeverities(Set.of(Severity.CRITICAL)))))
                .containsExactly("JVNDB-2026-036914");
        assertThat(ids(index.search(SearchQuery.all().withCategories(Set.of(Category.ALERT)).withPage(0, 100))))
                .containsExactly("JPCERT-AT-2026-0004", "JPCERT-AT-2026-0003", "JPCERT-AT-2026-0002",
                        "JPCERT-AT-2025-0027");
        assertThat(ids(index.search(SearchQuery.all().withKev(true)))).containsExactly("JPCERT-AT-2026-0002");
        assertThat(index.search(SearchQuery.all().withKev(false)).total()).isEqualTo(index.count() - 1);
        assertThat(ids(index.search(SearchQuery.all().withYear(2025)))).containsExactly("JPCERT-AT-2025-0027");
        assertThat(ids(index.search(SearchQuery.all().withSince(LocalDate.of(2026, 10, 8)))))
                .containsExactly("JVNVU#91137775", "JVNDB-2026-037241", "JVNDB-2026-037242", "JVNDB-2026-036917");
        assertThat(ids(index.search(SearchQuery.all().withVerdicts(Set.of("該当"))))).containsExactly("JVNDB-2026-036911");
        assertThat(index.search(SearchQuery.of("Apache").withVerdicts(Set.of("該当", "要確認"))).total()).isEqualTo(3);
    }

    @Test
    void facetsCountAllMatches() {
        SearchResults results = index.search(SearchQuery.all().withPage(0, 1));
        assertThat(results.hits()).hasSize(1);
        assertThat(results.facets().get("source")).containsEntry("jvndb", 12L).containsEntry("jvn", 22L)
                .containsEntry("jpcert", 7L);
        assertThat(results.facets().get("source").keySet()).containsExactly("jvn", "jvndb", "jpcert");
        assertThat(results.facets().get("severity")).containsEntry("HIGH", 5L).containsEntry("MEDIUM", 4L)
                .containsEntry("CRITICAL", 1L).containsEntry("LOW", 1L).containsEntry("UNKNOWN", 30L);
        assertThat(results.facets().get("category")).containsEntry("ALERT", 4L).containsEntry("WEEKLY_REPORT", 3L)
                .containsEntry("VULNERABILITY", 34L);
        assertThat(results.facets().get("year")).containsEntry("2026", 40L).containsEntry("2025", 1L);
        assertThat(results.facets().get("kev")).containsEntry("true", 1L).containsEntry("false", 40L);
        assertThat(results.facets().get("vendor")).containsEntry("クアルコム", 2L).containsEntry("Google", 2L)
                .containsEntry("Apache Software Foundation", 3L).containsEntry("JetBrains", 2L);
        assertThat(results.facets().get("verdict")).containsEntry("該当", 1L).containsEntry("要確認", 7L);

        SearchResults chrome = index.search(SearchQuery.of("Chrome"));
        assertThat(chrome.facets().get("source")).containsOnlyKeys("jvndb", "jvn", "jpcert")
                .containsEntry("jvndb", 2L).containsEntry("jvn", 1L).containsEntry("jpcert", 1L);
        assertThat(chrome.facets().get("vendor")).containsExactlyEntriesOf(java.util.Map.of("Google", 2L));
    }

    @Test
    void hitCarriesStoredFieldsForRendering() {
        SearchHit hit = search("JPCERT-AT-2026-0002").hits().get(0);
        assertThat(hit.id()).isEqualTo("JPCERT-AT-2026-0002");
        assertThat(hit.url()).isEqualTo("https://www.jpcert.or.jp/at/2026/at260002.html");
        assertThat(hit.source()).isEqualTo("jpcert");
        assertThat(hit.published()).isEqualTo(OffsetDateTime.parse("2026-01-30T11:15+09:00"));
        assertThat(hit.published().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(hit.cves()).containsExactly("CVE-2026-1281", "CVE-2026-1340");
        assertThat(hit.kev()).isTrue();
        assertThat(hit.epss()).contains(0.93);
        assertThat(hit.category()).isEqualTo(Category.ALERT);
        assertThat(hit.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(hit.score()).isPositive();

        SearchHit jvndb = search("JVNDB-2026-036914").hits().get(0);
        assertThat(jvndb.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(jvndb.kev()).isFalse();
        assertThat(jvndb.epss()).isEmpty();
        assertThat(jvndb.title()).isEqualTo("joomcodeのJCTablesにおけるSQL インジェクションの脆弱性");
    }

    @Test
    void highlightingEscapesHostileMarkupAndMarksMatches() {
        SearchHit hit = search("Chrome クロスサイトスクリプティング").hits().get(0);
        assertThat(hit.id()).isEqualTo("JVN#00000666");
        assertThat(hit.title()).startsWith("<script>");
        assertThat(hit.titleHtml()).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;").contains("<mark>Chrome</mark>").contains("&amp;");
        assertThat(hit.snippetHtml()).doesNotContain("<img").contains("&lt;img")
                .contains("<mark>Chrome</mark>").contains("<mark>クロスサイトスクリプティング</mark>");
        assertThat(hit.titleHtml().replaceAll("</?mark>", "")).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void highlightingMarksTwoCharacterAndHalfWidthMatches() {
        SearchHit hit = search("認証").hits().stream().filter(h -> h.id().equals("JVNDB-2026-036914")).findFirst()
                .orElseThrow();
        assertThat(hit.snippetHtml()).contains("<mark>認証</mark>なし");
        SearchHit chrome = search("ＣＨＲＯＭＥ").hits().stream().filter(h -> h.id().equals("JVNDB-2026-037241"))
                .findFirst().orElseThrow();
        assertThat(chrome.titleHtml()).isEqualTo("GoogleのGoogle <mark>Chrome</mark>における観測可能な不一致に関する脆弱性");
        SearchHit tamper = search("改ざん").hits().get(0);
        assertThat(tamper.titleHtml()).isEqualTo("Example CMSにおけるWebページ<mark>改ざん</mark>の脆弱性");
    }

    @Test
    void emptyQueryHitsHaveEscapedUnmarkedText() {
        SearchHit hit = index.search(SearchQuery.all().withPage(0, 100)).hits().stream()
                .filter(h -> h.id().equals("JVN#00000666")).findFirst().orElseThrow();
        assertThat(hit.titleHtml()).startsWith("&lt;script&gt;").doesNotContain("<mark>");
        assertThat(hit.snippetHtml()).startsWith("&lt;img");
    }

    @Test
    void garbageQueriesNeverThrow() {
        List<String> garbage = List.of("\"((", "AND OR", "*:*", "*", "title:", ":", "/", "/[", "\\", "[", "{}", "]",
                "***", "?", "~", "^", "!", "-", "+", "&&", "||", "NOT", "AND", "\"", "((((", "CVE-", "jvn#",
                "title:[a TO", "foo:bar", "a".repeat(5000),
                "クロスサイトスクリプティング 認証 ".repeat(200), "Chrome OR ".repeat(300), "a* b* c* d* e*", "認証 AND", "OR 認証", "\u0000", "🔥", "ｶﾞ");
        for (String q : garbage) {
            assertThatCode(() -> index.search(SearchQuery.of(q))).as(q).doesNotThrowAnyException();
        }
        assertThat(index.search(SearchQuery.of("*:*")).total()).isEqualTo(index.count());
        assertThat(index.search(SearchQuery.of("\"((認証")).total()).isEqualTo(3);
        assertThat(index.search(SearchQuery.of("AND OR")).total()).isZero();
    }

}
