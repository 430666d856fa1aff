package dev.shirase.source.rss;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JvndbParserTest {

    private static ParsedFeed feed;

    @BeforeAll
    static void parse() throws Exception {
        feed = Fixtures.parse(new JvndbParser(), FeedType.JVNDB, "feeds/jvndb-new-rss-sample.rdf");
    }

    @Test
    void readsEveryItemWithItsSecIdentifier() {
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.totalResults()).isEqualTo(12);
        assertThat(feed.advisories()).extracting(Advisory::id).startsWith("JVNDB-2026-037242", "JVNDB-2026-037241",
                "JVNDB-2026-036917").endsWith("JVNDB-2026-036908");
        assertThat(feed.advisories()).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo("jvndb");
            assertThat(a.category()).isEqualTo(Category.VULNERABILITY);
            assertThat(a.published().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
            assertThat(a.summary()).doesNotContain("\r", "&#13;", "<", "&lt;");
        });
    }

    @Test
    void mapsChromeItemFieldByField() {
        Advisory a = byId(feed, "JVNDB-2026-037242");
        assertThat(a.title()).isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
        assertThat(a.url()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2026-10-08T19:59+09:00"));
        assertThat(a.published().toString()).isEqualTo("2026-10-08T19:59+09:00");
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2026-10-08T19:59+09:00"));
        assertThat(a.summary()).startsWith("Google Chrome 155.0.8059.39以前のPermissionElement")
                .endsWith("（Chromiumセキュリティの深刻度：中）");
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2026-037242"),
                Identifier.of(IdentifierType.CVE, "CVE-2026-106302"));
        assertThat(a.products()).containsExactly(
                new AffectedProduct(Optional.of("cpe:/a:google:chrome"), "Google", "Google Chrome", Optional.empty()));
        assertThat(a.cvss()).containsExactly(
                new Cvss("3.0", 5.4, Severity.MEDIUM, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:L"));
        assertThat(a.references()).containsExactly(
                new Reference("CVE", "CVE-2026-106302", "", "https://www.cve.org/CVERecord?id=CVE-2026-106302"),
                new Reference("NVD", "CVE-2026-106302", "", "https://nvd.nist.gov/vuln/detail/CVE-2026-106302"),
                new Reference("", "CWE-451", "ユーザインターフェースにおける重要情報の誤った表示(CWE-451)",
                        "https://cwe.mitre.org/data/definitions/451.html"));
        assertThat(a.kev()).isEmpty();
        assertThat(a.revision()).isZero();
    }

    @Test
    void escapedHtmlDescriptionBecomesPlainTextAndJvnReferenceBecomesIdentifier() {
        Advisory a = byId(feed, "JVNDB-2026-036917");
        assertThat(a.summary()).startsWith("米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。")
                .contains("新規：6件", "ICSA-26-279-01: Johnson Controls EasyIO FG", "ICSA-26-279-06: Hitachi Energy RTU500")
                .doesNotContain("<", ">", "&lt;", "href", "target=");
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2026-036917"),
                Identifier.of(IdentifierType.JVNVU, "JVNVU#94062711"));
        assertThat(a.cves()).isEmpty();
        assertThat(a.cvss()).isEmpty();
        assertThat(a.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(a.products()).containsExactly(new AffectedProduct(Optional.of("cpe:/a:misc:multiple_vendors"),
                "（複数のベンダ）", "（複数の製品）", Optional.empty()));
        assertThat(a.references()).containsExactly(new Reference("JVN", "JVNVU#94062711", "",
                "https://jvn.jp/vu/JVNVU94062711/index.html"));
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2026-10-08T13:53+09:00"));
    }

    @Test
    void repeatableCpesAndSeverities() {
        Advisory qualcomm = byId(feed, "JVNDB-2026-036915");
        assertThat(qualcomm.products()).hasSize(8);
        assertThat(qualcomm.products()).extracting(p -> p.cpe().orElseThrow()).contains(
                "cpe:/o:qualcomm:mdm9207_firmware", "cpe:/o:qualcomm:sdx50_firmware");
        assertThat(qualcomm.products()).allSatisfy(p -> {
            assertThat(p.vendor()).isEqualTo("クアルコム");
            assertThat(p.versionText()).as("version=\"2.2\" is the CPE format version").isEmpty();
        });
        assertThat(qualcomm.products().get(0).product()).isEqualTo("MDM9207 ファームウェア");

        assertThat(byId(feed, "JVNDB-2026-036916").products()).extracting(AffectedProduct::product)
                .containsExactly("Package Manager", "Qualcomm Software Center");

        Advisory joomla = byId(feed, "JVNDB-2026-036914");
        assertThat(joomla.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(joomla.topCvss()).hasValue(
                new Cvss("3.0", 9.1, Severity.CRITICAL, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"));
        assertThat(joomla.references()).contains(
                new Reference("関連文書", "Joomcode - Home", "", "https://www.joomcode.com/"));
        assertThat(joomla.cves()).containsExactly("CVE-2026-76570");

        Advisory httpd = byId(feed, "JVNDB-2026-036911");
        assertThat(httpd.severity()).isEqualTo(Severity.LOW);
        assertThat(httpd.cvss()).extracting(Cvss::score).containsExactly(3.7);
        assertThat(httpd.products()).containsExactly(new AffectedProduct(Optional.of("cpe:/a:apache:http_server"),
                "Apache Software Foundation", "Apache HTTP Server", Optional.empty()));
    }

    @Test
    void cpeVersionAttributeIsKeptOnlyWhenItIsAProductVersion() {
        assertThat(JvnSecAdapter.isCpeFormatVersion(new SecCpe("cpe:/a:google:chrome", "", "", "2.2"))).isTrue();
        assertThat(JvnSecAdapter.isCpeFormatVersion(
                new SecCpe("cpe:2.3:a:google:chrome:*:*:*:*:*:*:*:*", "", "", "2.3"))).isTrue();
        SecData sec = new SecData("JVNDB-2026-000001", List.of(),
                List.of(new SecCpe("cpe:/a:fortinet:fortios", "Fortinet", "FortiOS", "7.4.8以前")), List.of(), List.of());
        assertThat(JvnSecAdapter.products(sec)).containsExactly(new AffectedProduct(
                Optional.of("cpe:/a:fortinet:fortios"), "Fortinet", "FortiOS", Optional.of("7.4.8以前")));
    }
}
