package dev.shirase.inventory.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.cpe.Cpe;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Identity rules and the traps named in the issue, on small hand-made advisories. */
class AdvisoryMatcherTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-10-08T09:00:00+09:00");

    private static Asset asset(String id, String vendor, String product, String version, String cpe, String... aliases) {
        return new Asset(id, id, vendor, product, Optional.ofNullable(version), Optional.ofNullable(cpe).map(Cpe::parse),
                List.of(aliases), "", Optional.empty(), 1);
    }

    private static Advisory adv(String id, String title, String summary, AffectedProduct... products) {
        return Advisory.parsed(id, "test", "", title, summary, T, T, Category.VULNERABILITY, Set.of(), List.of(),
                List.of(products), List.of());
    }

    private static AffectedProduct p(String cpe, String vendor, String product, String version) {
        return new AffectedProduct(Optional.ofNullable(cpe), vendor, product, Optional.ofNullable(version));
    }

    @Test
    void cpeMatchGivesAffectedWithACheckableReason() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("fortigate", "Fortinet", "FortiOS", "7.4.3", "cpe:/o:fortinet:fortios")));
        List<Match> out = m.match(adv("JVNDB-2026-001234", "FortiOS の脆弱性", "",
                p("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "フォーティネット", "FortiOS", "7.4.8以下")));
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.verdict()).isEqualTo(Verdict.AFFECTED);
            assertThat(x.assetId()).isEqualTo("fortigate");
            assertThat(x.advisoryId()).isEqualTo("JVNDB-2026-001234");
            assertThat(x.reason()).startsWith("FortiOS 7.4.3 ≤ 7.4.8").contains("sec:cpe fortinet:fortios")
                    .endsWith("JVNDB-2026-001234)");
            assertThat(x.assetVersion()).contains("7.4.3");
            assertThat(x.evidence()).isEqualTo("sec:cpe fortinet:fortios");
        });
    }

    @Test
    void goSqlDriverMysqlIsNotMysql() {
        AdvisoryMatcher withCpe = new AdvisoryMatcher(List.of(asset("mysql", "Oracle", "MySQL", "8.0.36", "cpe:/a:oracle:mysql")));
        AdvisoryMatcher byName = new AdvisoryMatcher(List.of(asset("mysql", "Oracle", "MySQL", "8.0.36", null)));
        Advisory cpe = adv("A-1", "go-sql-driver/mysql の脆弱性", "go-sql-driver/mysql 1.8.0 未満",
                p("cpe:/a:go-sql-driver:mysql", "go-sql-driver", "mysql", null));
        Advisory text = adv("A-2", "Go 用ドライバ go-sql-driver/mysql の脆弱性", "github.com/go-sql-driver/mysql 1.7.1 以前");
        assertThat(withCpe.match(cpe)).isEmpty();
        assertThat(byName.match(cpe)).isEmpty();
        assertThat(withCpe.match(text)).isEmpty();
        assertThat(byName.match(text)).isEmpty();
        // while a real MySQL advisory still matches by name
        assertThat(byName.match(adv("A-3", "MySQL Server の脆弱性", "", p(null, "Oracle", "MySQL", "8.0.40以前"))))
                .singleElement().extracting(Match::verdict).isEqualTo(Verdict.AFFECTED);
    }

    @Test
    void nextcloudMailIsNotJavaxMail() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("javamail", "Eclipse", "javax.mail", "1.6.2", null),
                asset("javamail-cpe", "Oracle", "JavaMail", "1.6.2", "cpe:/a:oracle:javamail")));
        assertThat(m.match(adv("A-1", "Nextcloud Mail の脆弱性", "Nextcloud Mail 3.7.2 未満",
                p("cpe:/a:nextcloud:mail", "Nextcloud", "Mail", null)))).isEmpty();
        assertThat(m.match(adv("A-2", "Nextcloud Mail の脆弱性", "Nextcloud Mail 3.7.2 未満に脆弱性"))).isEmpty();
        assertThat(m.match(adv("A-3", "javax.mail の脆弱性", "javax.mail 1.6.2 以前"))).extracting(Match::assetId)
                .containsExactly("javamail");
    }

    @Test
    void wordsAreMatchedWholeNotAsSubstrings() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("chrome", "Google", "Chrome", "150.0", null)));
        assertThat(m.match(adv("A-1", "Chromebook の管理コンソールの問題", ""))).isEmpty();
        assertThat(m.match(adv("A-2", "chrome-extension の問題", ""))).isEmpty();
        assertThat(m.match(adv("A-3", "Weekly Report: Google Chromeに複数の脆弱性", ""))).singleElement()
                .satisfies(x -> {
                    assertThat(x.verdict()).isEqualTo(Verdict.CHECK);
                    assertThat(x.reason()).contains("text mentions 'google chrome'");
                });
    }

    @Test
    void advisoryNamingNoProductOfOursGivesNoMatch() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("chrome", "Google", "Google Chrome", "150.0", "cpe:/a:google:chrome")));
        assertThat(m.match(adv("A-1", "クアルコムのPackage Manager等の複数製品", "gRPCサーバーを介して権限昇格",
                p("cpe:/a:qualcomm:package_manager", "クアルコム", "Package Manager", null)))).isEmpty();
        // a product list that names other products is not scanned for text mentions of ours
        assertThat(m.match(adv("A-2", "X の脆弱性", "Google Chrome 経由で悪用される",
                p("cpe:/a:example:x", "Example", "X", null)))).isEmpty();
    }

    @Test
    void japaneseNamesAndAliasesMatchAfterNfkc() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("garoon", "サイボウズ", "Garoon", "6.0.1", null,
                "サイボウズ Garoon", "ガルーン")));
        assertThat(m.match(adv("A-1", "「ガルーン」における情報漏えい", "すべてのバージョン"))).singleElement()
                .extracting(Match::verdict).isEqualTo(Verdict.AFFECTED);
        assertThat(m.match(adv("A-2", "ＧＡＲＯＯＮ における XSS", "Garoon 6.0.2 未満"))).singleElement()
                .extracting(Match::verdict).isEqualTo(Verdict.AFFECTED);
    }

    @Test
    void nameMatchWithoutCpeNeedsAgreeingVendors() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("httpd", "Apache", "HTTP Server", "2.4.62", null)));
        assertThat(m.match(adv("A-1", "", "", p("cpe:/a:apache:http_server", "Apache Software Foundation",
                "Apache HTTP Server", "2.4.63 未満")))).singleElement().satisfies(x -> {
                    assertThat(x.verdict()).isEqualTo(Verdict.AFFECTED);
                    assertThat(x.evidence()).isEqualTo("product name 'Apache HTTP Server'");
                });
        assertThat(m.match(adv("A-2", "", "", p(null, "Other Corp", "HTTP Server", "2.4.63 未満")))).isEmpty();
    }

    @Test
    void unknownVersionOrUnreadableRangeIsCheckNeverAGuess() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("teamcity", "JetBrains", "TeamCity", null, "cpe:/a:jetbrains:teamcity"),
                asset("jc", "joomcode", "JCTables", "1.21.1", "cpe:/a:joomcode:jc_tables")));
        assertThat(m.match(adv("A-1", "", "TeamCity 2026.2より前", p("cpe:/a:jetbrains:teamcity", "", "", null))))
                .singleElement().satisfies(x -> {
                    assertThat(x.verdict()).isEqualTo(Verdict.CHECK);
                    assertThat(x.reason()).contains("version unknown").contains("2026.2より前");
                });
        assertThat(m.match(adv("A-2", "", "JCTables 1.21.1における認証なしのSQLインジェクション",
                p("cpe:/a:joomcode:jc_tables", "joomcode", "JCTables", null)))).singleElement()
                .extracting(Match::verdict).isEqualTo(Verdict.CHECK);
    }

    @Test
    void versionFieldWinsOverDescription() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("chrome", "Google", "Chrome", "150.0.1", "cpe:/a:google:chrome")));
        List<Match> out = m.match(adv("A-1", "", "Google Chrome 140 より前",
                p("cpe:/a:google:chrome", "Google", "Google Chrome", "151.0 未満")));
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.verdict()).isEqualTo(Verdict.AFFECTED);
            assertThat(x.reason()).contains("「151.0 未満」").contains("version field");
        });
    }

    @Test
    void vendorOnlyMentionIsCheck() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("win", "Microsoft", "Windows 11", "10.0.22631.4460", "cpe:/o:microsoft:windows_11")));
        assertThat(m.match(adv("A-1", "Microsoft 製品の脆弱性対策について(2026年2月)", ""))).singleElement()
                .satisfies(x -> {
                    assertThat(x.verdict()).isEqualTo(Verdict.CHECK);
                    assertThat(x.reason()).contains("microsoft products without listing them");
                });
        assertThat(m.match(adv("A-2", "注意喚起: 2026年2月マイクロソフトセキュリティ更新プログラムに関する注意喚起", "")))
                .singleElement().extracting(Match::verdict).isEqualTo(Verdict.CHECK);
        assertThat(m.match(adv("A-3", "Microsoft Teams の利用について", ""))).isEmpty();
    }

    @Test
    void worstVerdictWinsWhenSeveralProductsNameTheSameAsset() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(asset("chrome", "Google", "Chrome", "150.0", "cpe:/a:google:chrome")));
        List<Match> out = m.match(adv("A-1", "", "", p("cpe:/a:google:chrome", "Google", "Chrome", "140.0 未満"),
                p("cpe:/a:google:chrome", "Google", "Chrome", "151.0 未満")));
        assertThat(out).singleElement().extracting(Match::verdict).isEqualTo(Verdict.AFFECTED);
    }
}
