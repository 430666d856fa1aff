package dev.shirase.source.rss;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenericRssParserTest {

    @Test
    void rss20WithGuidRfc822DatesAndSec30Elements() throws Exception {
        ParsedFeed feed = Fixtures.parse(new GenericRssParser(), FeedType.RSS, "edge/vendor-rss20.xml");
        assertThat(feed.advisories()).hasSize(2);
        Advisory a = feed.advisories().get(0);
        assertThat(a.id()).isEqualTo("rss:EX-2026-001");
        assertThat(a.category()).isEqualTo(Category.VULNERABILITY);
        assertThat(a.title()).isEqualTo("Example Router RCE (CVE-2026-12345)");
        assertThat(a.summary()).isEqualTo("A remote code execution flaw.");
        assertThat(a.url()).isEqualTo("https://psirt.example.com/advisories/EX-2026-001");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2026-02-03T10:15:00+09:00"));
        assertThat(a.published().getOffset().getId()).isEqualTo("+09:00");
        assertThat(a.cves()).containsExactly("CVE-2026-12345");
        assertThat(a.cvss()).containsExactly(
                new Cvss("3.1", 9.8, Severity.CRITICAL, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(a.products()).containsExactly(
                new AffectedProduct(Optional.of("cpe:/h:example:router"), "Example", "Router", Optional.empty()));
        assertThat(a.references()).as("the javascript: reference is dropped").containsExactly(new Reference(
                "VENDOR", "EX-2026-001", "", "https://psirt.example.com/advisories/EX-2026-001"));
    }

    @Test
    void javascriptLinkIsDroppedButTheItemStaysKeyedByItsLinkText() throws Exception {
        ParsedFeed feed = Fixtures.parse(new GenericRssParser(), FeedType.RSS, "edge/vendor-rss20.xml");
        Advisory hostile = feed.advisories().get(1);
        assertThat(hostile.url()).isEmpty();
        assertThat(hostile.id()).isEqualTo("rss:javascript:alert(1)");
        assertThat(hostile.published()).isEqualTo(OffsetDateTime.parse("2026-02-04T01:00:00Z"));
    }

    @Test
    void atomKeepsItsOwnOffset() throws Exception {
        ParsedFeed feed = Fixtures.parse(new GenericRssParser(), FeedType.RSS, "edge/vendor-atom.xml");
        Advisory a = feed.advisories().get(0);
        assertThat(a.id()).isEqualTo("rss:urn:example:psirt:2026-7");
        assertThat(a.url()).isEqualTo("https://psirt.example.org/2026-7");
        assertThat(a.published().toString()).isEqualTo("2026-02-04T09:00-05:00");
        assertThat(a.modified().toString()).isEqualTo("2026-02-05T12:00-05:00");
        assertThat(a.identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.JVNVU, "JVNVU#12345678"), Identifier.of(IdentifierType.CVE, "CVE-2026-0001"));
    }

    @Test
    void readsLegacySecNamespaceOfJvnIpedia() throws Exception {
        ParsedFeed feed = Fixtures.parse(new GenericRssParser(), FeedType.RSS, "feeds/jvndb-new-rss-sample.rdf");
        Advisory a = feed.advisories().get(0);
        assertThat(a.id()).isEqualTo("rss:https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html");
        assertThat(a.cvss()).extracting(Cvss::score).containsExactly(5.4);
        assertThat(a.products()).extracting(p -> p.cpe().orElseThrow()).containsExactly("cpe:/a:google:chrome");
        assertThat(a.identifiers()).contains(Identifier.of(IdentifierType.JVNDB, "JVNDB-2026-037242"));
    }
}
