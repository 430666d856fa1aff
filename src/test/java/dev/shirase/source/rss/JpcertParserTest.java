package dev.shirase.source.rss;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpcertParserTest {

    private static ParsedFeed feed;

    @BeforeAll
    static void parse() throws Exception {
        feed = Fixtures.parse(new JpcertParser(), FeedType.JPCERT, "feeds/jpcert-rss-sample.rdf");
    }

    @Test
    void alertsAndWeeklyReportItemsHaveDistinctIds() {
        assertThat(feed.advisories()).extracting(Advisory::id).containsExactly(
                "JPCERT-AT-2026-0004", "JPCERT-AT-2026-0003", "JPCERT-AT-2026-0002", "JPCERT-AT-2026-0001",
                "JPCERT-AT-2025-0027", "JPCERT-AT-2025-0026",
                "JPCERT-WR-2026-0226-1", "JPCERT-WR-2026-0226-2", "JPCERT-WR-2026-0226-3",
                "JPCERT-WR-2026-0226-4", "JPCERT-WR-2026-0226-5", "JPCERT-WR-2026-0226-6");
        assertThat(feed.advisories().subList(0, 6)).allSatisfy(a -> assertThat(a.category()).isEqualTo(Category.ALERT));
        assertThat(feed.advisories().subList(6, 12))
                .allSatisfy(a -> assertThat(a.category()).isEqualTo(Category.WEEKLY_REPORT));
        assertThat(feed.advisories()).allSatisfy(a -> assertThat(a.title()).doesNotContain("(公開)").doesNotEndWith(" "));
    }

    @Test
    void alertItem() {
        Advisory a = byId(feed, "JPCERT-AT-2026-0004");
        assertThat(a.title()).isEqualTo("注意喚起: FileZenにおけるOSコマンドインジェクションの脆弱性（CVE-2026-25108）に関する注意喚起");
        assertThat(a.url()).isEqualTo("https://www.jpcert.or.jp/at/2026/at260004.html");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2026-02-13T13:27+09:00"));
        assertThat(a.published().toString()).isEqualTo("2026-02-13T13:27+09:00");
        assertThat(a.modified()).isEqualTo(a.published());
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.CVE, "CVE-2026-25108"),
                Identifier.of(IdentifierType.JPCERT, "JPCERT-AT-2026-0004"));
        assertThat(byId(feed, "JPCERT-AT-2026-0002").cves()).containsExactly("CVE-2026-1281", "CVE-2026-1340");
        assertThat(byId(feed, "JPCERT-AT-2025-0027").published())
                .isEqualTo(OffsetDateTime.parse("2025-12-22T15:37+09:00"));
    }

    @Test
    void weeklyReportItemKeysOnTheFragment() {
        Advisory wr = byId(feed, "JPCERT-WR-2026-0226-3");
        assertThat(wr.url()).isEqualTo("https://www.jpcert.or.jp/wr/2026/wr260226.html#3");
        assertThat(wr.title()).isEqualTo("Weekly Report: Google Chromeに複数の脆弱性");
        assertThat(wr.summary()).isEqualTo("Google Chromeに複数の脆弱性");
        assertThat(wr.published()).isEqualTo(OffsetDateTime.parse("2026-02-26T09:09+09:00"));
        assertThat(wr.identifiers()).isEmpty();
        assertThat(byId(feed, "JPCERT-WR-2026-0226-6").summary())
                .isEqualTo("JPCERT/CCが「JSAC2026 開催レポート DAY 1」を公開");
    }

    @Test
    void classifiesLinks() {
        assertThat(JpcertParser.classify("https://www.jpcert.or.jp/wr/2026/wr260226.html", "wr260226").id())
                .isEqualTo("JPCERT-WR-2026-0226");
        assertThat(JpcertParser.classify("https://www.jpcert.or.jp/newsflash/2026021301.html", "").id())
                .isEqualTo("JPCERT-NEWSFLASH-2026021301");
    }
}
