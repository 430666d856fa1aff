package dev.shirase.source.jvndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.Fixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input for the streaming parser: the same errors as the Rome path (HostileInputTest runs its
 * shared cases on this parser too), never a partial page, never mojibake.
 */
class JvndbFeedParserBadInputTest {

    private static final String JVNDB = new String(Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf"),
            StandardCharsets.UTF_8);
    private final JvndbFeedParser parser = new JvndbFeedParser();

    private ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
        return Fixtures.parse(parser, FeedType.JVNDB, body, contentType);
    }

    @Test
    void shiftJisBodyDeclaredAsUtf8IsAnError() {
        byte[] sjis = JVNDB.getBytes(Charset.forName("Shift_JIS"));
        assertThatThrownBy(() -> parse(sjis, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }

    @Test
    void shiftJisDeclaredAsShiftJisAndUtf16WithBomAreRead() throws Exception {
        byte[] sjis = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"")
                .getBytes(Charset.forName("Shift_JIS"));
        assertThat(parse(sjis, "application/rdf+xml").advisories().get(0).title())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
        byte[] utf16 = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16);
        assertThat(parse(utf16, "").advisories()).hasSize(12);
    }

    @Test
    void wrongLabelLosesToTheDeclaration() throws Exception {
        ParsedFeed feed = parse(JVNDB.getBytes(StandardCharsets.UTF_8), "text/xml; charset=Shift_JIS");
        assertThat(feed.advisories().get(2).products().get(0).vendor()).isEqualTo("（複数のベンダ）");
    }

    @Test
    void brokenAfterTheLastItemFailsTheWholePage() {
        String broken = JVNDB.replace("</rdf:RDF>", "</rdf:RDX>");
        assertThatThrownBy(() -> parse(broken.getBytes(StandardCharsets.UTF_8), "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageMatching("jvndb: not well-formed XML at line \\d+: .*rdf:RDF.*");
    }

    @Test
    void misspelledEndTagNamesItsLine() {
        String broken = JVNDB.replaceFirst("</item>", "</itme>");
        assertThatThrownBy(() -> parse(broken.getBytes(StandardCharsets.UTF_8), "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("jvndb: not well-formed XML at line 41: ")
                .hasMessageContaining("</item>");
    }

    @Test
    void undeclaredEntityIsAnErrorNotAFileRead() {
        String xxe = JVNDB.replaceFirst("<title>Google", "<title>&xxe;Google");
        assertThatThrownBy(() -> parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("jvndb: not well-formed XML at line 28: ")
                .hasMessageContaining("xxe");
    }

    @Test
    void otherDocumentsAreNamedByTheirRoot() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><config><a>1</a></config>"
                .getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: not a JVN iPedia feed: the root element is <config>, expected an RSS 1.0 <rdf:RDF>");
        assertThatThrownBy(() -> parse(Fixtures.bytes("edge/vendor-rss20.xml"), "application/rss+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: not a JVN iPedia feed: the root element is <rss>, expected an RSS 1.0 <rdf:RDF>");
        String rdfWithoutRss = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>";
        assertThatThrownBy(() -> parse(rdfWithoutRss.getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("the root element is <rdf:RDF>, expected an RSS 1.0 <rdf:RDF>");
    }

    @Test
    void multiLineDoctypeIsRefusedNamingTheLineItEnds() {
        String doctype = JVNDB.replaceFirst("\n<rdf:RDF", "\n<!DOCTYPE rdf:RDF [\n  <!ENTITY a \"aaaa\">\n"
                + "  <!ENTITY b \"bbbb\">\n]>\n<rdf:RDF");
        assertThatThrownBy(() -> parse(doctype.getBytes(StandardCharsets.UTF_8), "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: refused a DOCTYPE declaration at line 5 (DTDs allow XXE and entity-expansion "
                        + "attacks; feeds never need one)");
    }
}
