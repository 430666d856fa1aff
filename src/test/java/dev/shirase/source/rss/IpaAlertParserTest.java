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

class IpaAlertParserTest {

    private static ParsedFeed feed;

    @BeforeAll
    static void parse() throws Exception {
        feed = Fixtures.parse(new IpaAlertParser(), FeedType.IPA_ALERT, "feeds/ipa-alert-rss-sample.rdf");
    }

    @Test
    void thirtyItemsOnTwentySevenPagesGiveOneAdvisoryPerLink() {
        // alert20251209 appears 3 times (original + two 更新), 1015-ms twice (both 更新)
        assertThat(feed.advisories()).hasSize(27);
        assertThat(feed.advisories()).extracting(Advisory::id).doesNotHaveDuplicates()
                .startsWith("IPA-2025-20260225-jvn", "IPA-2025-20260213-jvn", "IPA-2025-0212-ms")
                .endsWith("IPA-2025-alert20250827");
        assertThat(feed.advisories()).allSatisfy(a -> {
            assertThat(a.category()).isEqualTo(Category.ALERT);
            assertThat(a.summary()).isEmpty();
            assertThat(a.title()).doesNotStartWith("更新");
            assertThat(a.published().toLocalTime().toString()).isEqualTo("00:00");
            assertThat(a.published().getOffset().getId()).isEqualTo("+09:00");
            assertThat(a.url()).startsWith("https://www.ipa.go.jp/security/security-alert/");
        });
    }

    @Test
    void updatesMergeIntoTheOriginal() {
        Advisory react = byId(feed, "IPA-2025-alert20251209");
        assertThat(react.title()).isEqualTo("React Server Componentsにおける脆弱性について（CVE-2025-55182）");
        assertThat(react.published()).isEqualTo(OffsetDateTime.parse("2025-12-09T00:00:00+09:00"));
        assertThat(react.modified()).isEqualTo(OffsetDateTime.parse("2025-12-12T00:00:00+09:00"));
        assertThat(react.url()).isEqualTo("https://www.ipa.go.jp/security/security-alert/2025/alert20251209.html");
        assertThat(react.cves()).containsExactly("CVE-2025-55182");

        Advisory ms = byId(feed, "IPA-2025-1015-ms");
        assertThat(ms.title()).isEqualTo("Microsoft 製品の脆弱性対策について(2025年10月)");
        assertThat(ms.published()).isEqualTo(OffsetDateTime.parse("2025-10-15T00:00:00+09:00"));
        assertThat(ms.modified()).isEqualTo(OffsetDateTime.parse("2025-10-27T00:00:00+09:00"));
    }

    @Test
    void onlyAnUpdateItemStillGivesTheStrippedTitleAndFiscalYearFolderId() {
        Advisory win10 = byId(feed, "IPA-2024-win10_eos");
        assertThat(win10.title()).isEqualTo("Windows 10のサポート終了に伴う注意喚起");
        assertThat(win10.published()).isEqualTo(win10.modified())
                .isEqualTo(OffsetDateTime.parse("2025-10-16T00:00:00+09:00"));
    }

    @Test
    void identifiersComeFromTheTitle() {
        Advisory lanscope = byId(feed, "IPA-2025-20260225-jvn");
        assertThat(lanscope.title()).isEqualTo(
                "「LANSCOPE エンドポイントマネージャー オンプレミス版」におけるパストラバーサルの脆弱性について（JVN#79096585）");
        assertThat(lanscope.identifiers()).containsExactly(Identifier.of(IdentifierType.JVN, "JVN#79096585"));
        assertThat(lanscope.published()).isEqualTo(OffsetDateTime.parse("2026-02-25T00:00:00+09:00"));
        assertThat(byId(feed, "IPA-2025-alert20251217").cves()).containsExactly("CVE-2025-59718");
        assertThat(byId(feed, "IPA-2025-0212-ms").identifiers()).isEmpty();
    }

    @Test
    void idFromLinkPath() {
        assertThat(IpaAlertParser.idFor("https://www.ipa.go.jp/security/security-alert/2025/20260225-jvn.html"))
                .isEqualTo("IPA-2025-20260225-jvn");
        assertThat(IpaAlertParser.idFor("https://www.ipa.go.jp/security/security-alert/2025/alert20251031_vpn.html"))
                .isEqualTo("IPA-2025-alert20251031_vpn");
    }
}
