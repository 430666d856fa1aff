package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.jvndb.JvndbFeedParser;
import dev.shirase.source.myjvn.MyJvnAlertParser;
import dev.shirase.source.myjvn.MyJvnVulnParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed, hostile and mislabelled input: always a FeedParseException with a clear message, never more. */
class HostileInputTest {

    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of(new IpaAlertParser(), FeedType.IPA_ALERT),
                Arguments.of(new JpcertParser(), FeedType.JPCERT),
                Arguments.of(new JvnParser(), FeedType.JVN),
                Arguments.of(new JvndbParser(), FeedType.JVNDB),
                Arguments.of(new JvndbFeedParser(), FeedType.JVNDB),
                Arguments.of(new GenericRssParser(), FeedType.RSS),
                Arguments.of(new MyJvnVulnParser(), FeedType.MYJVN_VULN),
                Arguments.of(new MyJvnAlertParser(), FeedType.MYJVN_ALERT));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void xxeDoctypeIsRefusedAndNoFileIsRead(FeedParser parser, FeedType type) {
        assertThatThrownBy(() -> Fixtures.parse(parser, type, "edge/xxe-file.rdf"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith(type.key() + ": refused a DOCTYPE declaration at line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:", "/bin/"));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void billionLaughsIsRefusedWithoutExpansion(FeedParser parser, FeedType type) {
        assertThatThrownBy(() -> Fixtures.parse(parser, type, "edge/billion-laughs.rdf"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("refused a DOCTYPE declaration");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void truncatedXmlNamesTheLine(FeedParser parser, FeedType type) {
        byte[] full = Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf");
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(() -> Fixtures.parse(parser, type, truncated, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageMatching(type.key() + ": not well-formed XML at line \\d+: .+");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void htmlPageIsNamedAsSuch(FeedParser parser, FeedType type) {
        assertThatThrownBy(() -> Fixtures.parse(parser, type, Fixtures.bytes("edge/html-page.html"),
                "text/html; charset=utf-8"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage(type.key() + ": got an HTML page, not an XML feed (Content-Type: text/html; charset=utf-8)");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void emptyGarbageAndForeignXml(FeedParser parser, FeedType type) {
        assertThatThrownBy(() -> Fixtures.parse(parser, type, new byte[0], ""))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("empty response body");
        assertThatThrownBy(() -> Fixtures.parse(parser, type, new byte[] {0, 1, 2, (byte) 0xff, 'x'}, ""))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith(type.key() + ": ");
        assertThatThrownBy(() -> Fixtures.parse(parser, type,
                "<?xml version=\"1.0\"?><config><a>1</a></config>".getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith(type.key() + ": ");
    }

    @Test
    void foreignXmlIsNotAFeed() {
        assertThatThrownBy(() -> Fixtures.parse(new JvndbParser(), FeedType.JVNDB,
                "<?xml version=\"1.0\"?><config><a>1</a></config>".getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: well-formed XML but not an RSS 1.0/2.0 or Atom feed (root <config>)");
    }

    @Test
    void wrongCharsetLabelLosesToTheXmlDeclaration() throws Exception {
        ParsedFeed feed = Fixtures.parse(new JvndbParser(), FeedType.JVNDB,
                Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf"), "text/xml; charset=Shift_JIS");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(0).title())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
        assertThat(feed.advisories().get(2).products().get(0).vendor()).isEqualTo("（複数のベンダ）");
    }

    @Test
    void utf8BomWinsOverTheLabelToo() throws Exception {
        byte[] body = Fixtures.bytes("feeds/jpcert-rss-sample.rdf");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ParsedFeed feed = Fixtures.parse(new JpcertParser(), FeedType.JPCERT, withBom, "text/xml; charset=EUC-JP");
        assertThat(feed.advisories().get(0).title()).startsWith("注意喚起: FileZenにおける");
    }

    @Test
    void labelIsUsedWhenTheBodyDeclaresNothing() throws Exception {
        String xml = """
                <rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                  xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://www.jpcert.or.jp/rss/jpcert.rdf"><title>JPCERT/CC</title>
                    <link>https://www.jpcert.or.jp/</link><description>注意喚起</description></channel>
                  <item rdf:about="https://www.jpcert.or.jp/at/2026/at260004.html">
                    <title>注意喚起: FileZenの脆弱性（CVE-2026-25108）に関する注意喚起  (公開)</title>
                    <link>https://www.jpcert.or.jp/at/2026/at260004.html</link>
                    <dc:date>2026-02-13T13:27+09:00</dc:date>
                  </item>
                </rdf:RDF>
                """;
        byte[] sjis = xml.getBytes(Charset.forName("Shift_JIS"));
        ParsedFeed feed = Fixtures.parse(new JpcertParser(), FeedType.JPCERT, sjis, "application/xml; charset=Shift_JIS");
        Advisory a = feed.advisories().get(0);
        assertThat(a.title()).isEqualTo("注意喚起: FileZenの脆弱性（CVE-2026-25108）に関する注意喚起");
        assertThat(a.cves()).containsExactly("CVE-2026-25108");
    }

    @Test
    void htmlEntitiesAreHealedNotFatal() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://psirt.example.com/</link><description>d</description>
                <item><title>A&nbsp;B &copy; C</title><link>https://psirt.example.com/1</link>
                <pubDate>Tue, 03 Feb 2026 10:15:00 +0900</pubDate></item></channel></rss>
                """;
        ParsedFeed feed = Fixtures.parse(new GenericRssParser(), FeedType.RSS,
                xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        assertThat(feed.advisories().get(0).title()).isEqualTo("A B © C");
    }
}
