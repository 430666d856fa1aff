package dev.shirase.source.myjvn;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MyJvnVulnParserTest {

    private static ParsedFeed parse(String fixture) throws FeedParseException {
        return Fixtures.parse(new MyJvnVulnParser(), FeedType.MYJVN_VULN, fixture);
    }

    @Test
    void readsSec30ItemsAndReportsTheServerTotal() throws Exception {
        ParsedFeed feed = parse("feeds/myjvn-getVulnOverviewList-hnd-sample.xml");
        assertThat(feed.advisories()).extracting(Advisory::id)
                .containsExactly("JVNDB-2025-002953", "JVNDB-2025-002884");
        assertThat(feed.totalResults()).as("totalRes, for paging").isEqualTo(6);

        Advisory a = byId(feed, "JVNDB-2025-002953");
        assertThat(a.source()).isEqualTo("myjvn-vuln");
        assertThat(a.category()).isEqualTo(Category.VULNERABILITY);
        assertThat(a.title()).isEqualTo("WordPress 用 Sunshine Photo Cart における信頼できないデータのデシリアライゼーションに関する脆弱性");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2025-04-04T14:45:58+09:00"));
        assertThat(a.published().getOffset().getId()).isEqualTo("+09:00");
        assertThat(a.cvss()).containsExactly(
                new Cvss("3.0", 9.8, Severity.CRITICAL, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(a.products()).containsExactly(new AffectedProduct(
                Optional.of("cpe:/a:sunshinephotocart:sunshine_photo_cart"), "Sunshine Photo Cart",
                "Sunshine Photo Cart", Optional.empty()));
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2025-002953"),
                Identifier.of(IdentifierType.CVE, "CVE-2025-31084"));
        assertThat(a.references()).hasSize(4);
        assertThat(a.references().get(2).source()).isEqualTo("関連文書");
        assertThat(a.references().get(2).url()).startsWith("https://patchstack.com/database/wordpress/plugin/")
                .doesNotContain("\n", " ");
        assertThat(a.references().get(3)).isEqualTo(new Reference("", "CWE-502",
                "信頼できないデータのデシリアライゼーション(CWE-502)", "https://cwe.mitre.org/data/definitions/502.html"));
    }

    @Test
    void rockwellItemTakesJvnvuFromItsReferences() throws Exception {
        Advisory a = byId(parse("feeds/myjvn-getVulnOverviewList-hnd-sample.xml"), "JVNDB-2025-002884");
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2025-002884"),
                Identifier.of(IdentifierType.CVE, "CVE-2025-23120"),
                Identifier.of(IdentifierType.JVNVU, "JVNVU#99709964"));
        assertThat(a.cvss()).isEmpty();
        assertThat(a.products()).extracting(p -> p.cpe().orElseThrow()).containsExactly(
                "cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam",
                "cpe:/a:rockwellautomation:versavirtual_appliance_%28vva%29_with_veeam");
        assertThat(a.products()).extracting(AffectedProduct::product).containsExactly(
                "Industrial Data Center (IDC) with Veeam", "VersaVirtual Appliance (VVA) with Veeam");
        assertThat(a.references()).extracting(Reference::source).containsExactly("CVE", "ICS-CERT ADVISORY", "JVN", "");
        assertThat(a.summary()).contains("CVE-2025-23120").doesNotContain("  ");
    }

    @Test
    void errorStatusIsAParseErrorWithCodeAndMessage() {
        assertThatThrownBy(() -> parse("edge/myjvn-error-status.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("myjvn-vuln: MyJVN API error retCd=1")
                .hasMessageContaining("errCd=MJAPI-10002")
                .hasMessageContaining("パラメータ不正です。(rangeDatePublished)");
    }

    @Test
    void zeroHitsIsAnEmptyPageNotAnError() throws Exception {
        ParsedFeed feed = parse("edge/myjvn-zero-hits.xml");
        assertThat(feed.advisories()).isEmpty();
        assertThat(feed.totalResults()).isZero();
    }

    @Test
    void zeroHitsWithAnEmptyChannelToo() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                  xmlns:status="http://jvndb.jvn.jp/myjvn/Status">
                  <channel rdf:about="https://jvndb.jvn.jp/apis/myjvn"><title>JVNDB</title>
                    <link>https://jvndb.jvn.jp/apis/myjvn</link><description>d</description>
                    <items><rdf:Seq/></items></channel>
                  <status:Status retCd="0" errCd="" errMsg="" totalRes="0" totalResRet="0" firstRes="1"/>
                </rdf:RDF>
                """;
        ParsedFeed feed = Fixtures.parse(new MyJvnVulnParser(), FeedType.MYJVN_VULN,
                xml.getBytes(StandardCharsets.UTF_8), "text/xml");
        assertThat(feed.advisories()).isEmpty();
        assertThat(feed.totalResults()).isZero();
    }
}
