package dev.shirase.source.jvndb;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import dev.shirase.bench.JvndbFeedGenerator;
import dev.shirase.ingest.FeedParsers;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.InMemoryBody;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.Fixtures;
import dev.shirase.source.rss.JvndbParser;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming JVN iPedia parser gives exactly the advisories of the Rome path, field for field. */
class JvndbFeedParserTest {

    private final JvndbFeedParser stax = new JvndbFeedParser();
    private final JvndbParser rome = new JvndbParser();

    @ParameterizedTest
    @ValueSource(strings = {"feeds/jvndb-new-rss-sample.rdf", "feeds/myjvn-getVulnOverviewList-hnd-sample.xml",
            "edge/jvndb-edge-items.rdf"})
    void sameAdvisoriesAsRome(String fixture) throws Exception {
        byte[] body = Fixtures.bytes(fixture);
        ParsedFeed expected = Fixtures.parse(rome, FeedType.JVNDB, body, "application/rdf+xml");
        ParsedFeed actual = Fixtures.parse(stax, FeedType.JVNDB, body, "application/rdf+xml");
        assertThat(expected.advisories()).isNotEmpty();
        assertThat(actual.advisories()).containsExactlyElementsOf(expected.advisories());
        assertThat(actual.totalResults()).isEqualTo(expected.totalResults());
    }

    @Test
    void generatedFullPageGivesTheSameAdvisoriesAsRome() throws Exception {
        byte[] page = new JvndbFeedGenerator().page(1_000, 500);
        ParsedFeed expected = Fixtures.parse(rome, FeedType.JVNDB, page, "application/rdf+xml");
        ParsedFeed actual = Fixtures.parse(stax, FeedType.JVNDB, page, "application/rdf+xml");
        assertThat(actual.advisories()).hasSize(500).containsExactlyElementsOf(expected.advisories());
    }

    @Test
    void aPageReadFromBlocksInMemoryGivesTheSameAdvisories() throws Exception {
        JvndbFeedGenerator generator = new JvndbFeedGenerator();
        byte[] page = generator.page(1_000, 500);
        ParsedFeed expected = Fixtures.parse(stax, FeedType.JVNDB, page, "application/rdf+xml");
        // 1.5 MB in 256 KB blocks: the healing check reads it all, then the parser reads it again from the start.
        ParsedFeed actual = stax.parse(generator.pageBody(1_000, 500), "application/rdf+xml",
                new FeedSource("jvndb", FeedType.JVNDB, URI.create("https://jvndb.jvn.jp/"), null, true));
        assertThat(page.length).isGreaterThan(2 * InMemoryBody.BLOCK);
        assertThat(actual.advisories()).hasSize(500).containsExactlyElementsOf(expected.advisories());
    }

    @Test
    void jvndbTypeUsesTheStreamingParser() {
        assertThat(new FeedParsers().forType(FeedType.JVNDB)).isInstanceOf(JvndbFeedParser.class);
    }

    @Test
    void realItemFieldByField() throws Exception {
        ParsedFeed feed = Fixtures.parse(stax, FeedType.JVNDB, "feeds/jvndb-new-rss-sample.rdf");
        assertThat(feed.advisories()).hasSize(12);
        Advisory a = byId(feed, "JVNDB-2026-037242");
        assertThat(a.source()).isEqualTo("jvndb");
        assertThat(a.url()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html");
        assertThat(a.title()).isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
        assertThat(a.published().toString()).isEqualTo("2026-10-08T19:59+09:00");
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2026-10-08T19:59+09:00"));
        assertThat(a.summary()).endsWith("（Chromiumセキュリティの深刻度：中）").doesNotContain("\r");
        assertThat(a.cves()).containsExactly("CVE-2026-106302");
        assertThat(a.products()).containsExactly(
                new AffectedProduct(Optional.of("cpe:/a:google:chrome"), "Google", "Google Chrome", Optional.empty()));
        assertThat(a.cvss()).containsExactly(
                new Cvss("3.0", 5.4, Severity.MEDIUM, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:L"));
        assertThat(a.references()).extracting(Reference::source).containsExactly("CVE", "NVD", "");

        Advisory ics = byId(feed, "JVNDB-2026-036917");
        assertThat(ics.summary()).contains("ICSA-26-279-01: Johnson Controls EasyIO FG").doesNotContain("<", "&lt;");
        assertThat(ics.identifiers()).contains(Identifier.of(IdentifierType.JVNVU, "JVNVU#94062711"));
    }

    @Test
    void myJvnItemInTheSec30Namespace() throws Exception {
        Advisory a = byId(Fixtures.parse(stax, FeedType.JVNDB, "feeds/myjvn-getVulnOverviewList-hnd-sample.xml"),
                "JVNDB-2025-002953");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2025-04-04T14:45:58+09:00"));
        assertThat(a.cvss()).containsExactly(
                new Cvss("3.0", 9.8, Severity.CRITICAL, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(a.products()).extracting(p -> p.cpe().orElseThrow())
                .containsExactly("cpe:/a:sunshinephotocart:sunshine_photo_cart");
        assertThat(a.references()).extracting(Reference::url).contains(
                "https://patchstack.com/database/wordpress/plugin/sunshine-photo-cart/vulnerability/"
                        + "wordpress-sunshine-photo-cart-3-4-10-php-object-injection-vulnerability?_s_id=cve");
    }

    @Test
    void edgeItemsFieldByField() throws Exception {
        ParsedFeed feed = Fixtures.parse(stax, FeedType.JVNDB, "edge/jvndb-edge-items.rdf");
        assertThat(feed.advisories()).extracting(Advisory::id).containsExactly("JVNDB-2024-000101",
                "JVNDB-2024-000102", "JVNDB-2024-000103", "JVNDB-2024-000106", "JVNDB-2024-000107");

        Advisory legacy = byId(feed, "JVNDB-2024-000101");
        assertThat(legacy.title()).isEqualTo("Example Router における OS コマンドインジェクションの脆弱性");
        assertThat(legacy.url()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2024/JVNDB-2024-000101.html");
        assertThat(legacy.summary()).startsWith("Example Router 1.2 以前には").doesNotContain("<", "href");
        assertThat(legacy.published()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00+09:00"));
        assertThat(legacy.cvss()).containsExactly(
                new Cvss("2.0", 7.5, Severity.HIGH, "AV:N/AC:L/Au:N/C:P/I:P/A:P"),
                new Cvss("3.1", 9.8, Severity.CRITICAL, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(legacy.products()).containsExactly(
                new AffectedProduct(Optional.of("cpe:/h:example:router"), "Example & Co.", "Example Router",
                        Optional.empty()),
                new AffectedProduct(Optional.of("cpe:/o:fortinet:fortios"), "Fortinet", "FortiOS",
                        Optional.of("7.4.8以前")));
        assertThat(legacy.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2024-000101"),
                Identifier.of(IdentifierType.CVE, "CVE-2024-10001"),
                Identifier.of(IdentifierType.JVN, "JVN#12345678"));
        assertThat(legacy.references()).extracting(Reference::id).containsExactly("CVE-2024-10001", "JVN#12345678");

        Advisory sec30 = byId(feed, "JVNDB-2024-000102");
        assertThat(sec30.published().toString()).isEqualTo("2024-04-30T12:00+09:00");
        assertThat(sec30.modified().toString()).isEqualTo("2024-05-02T09:30+09:00");
        assertThat(sec30.cvss()).containsExactly(
                new Cvss("2.0", 4.3, Severity.MEDIUM, "AV:N/AC:M/Au:N/C:N/I:P/A:N"),
                new Cvss("3.0", 6.1, Severity.MEDIUM, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"));
        assertThat(sec30.summary()).isEqualTo(
                "Sample CMS には、格納型クロスサイトスクリプティングの脆弱性が存在します。\nJVNVU#87654321 も参照。");
        assertThat(sec30.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2024-000102"),
                Identifier.of(IdentifierType.CVE, "CVE-2024-10002"),
                Identifier.of(IdentifierType.JVNVU, "JVNVU#87654321"));

        Advisory fromLink = byId(feed, "JVNDB-2024-000103");
        assertThat(fromLink.title()).isEqualTo("Title one");
        assertThat(fromLink.summary()).isEqualTo("Own text and the tail");
        assertThat(fromLink.products()).isEmpty();

        assertThat(byId(feed, "JVNDB-2024-000106").published())
                .isEqualTo(OffsetDateTime.of(2024, 5, 7, 10, 15, 0, 0, ZoneOffset.ofHours(9)));
        Advisory unknownSec = byId(feed, "JVNDB-2024-000107");
        assertThat(unknownSec.products()).isEmpty();
        assertThat(unknownSec.published().getOffset()).isEqualTo(ZoneOffset.UTC);
    }
}
