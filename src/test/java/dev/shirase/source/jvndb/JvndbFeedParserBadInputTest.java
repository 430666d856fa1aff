package dev.shirase.source.jvndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.Fixtures;
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
    void wrongLabelLosesToTheDeclaration() throws Exception {
        ParsedFeed feed = parse(JVNDB.getBytes(StandardCharsets.UTF_8), "text/xml; charset=Shift_JIS");
        assertThat(feed.advisories().get(2).products().get(0).vendor()).isEqualTo("（複数のベンダ）");
    }

    @Test
    void brokenXmlFailsTheWholePageNamingTheLine() {
        assertThatThrownBy(() -> parse(utf8(JVNDB.replace("</rdf:RDF>", "</rdf:RDX>")), "application/rdf+xml"))
                .as("broken after the last item").isInstanceOf(FeedParseException.class)
                .hasMessageMatching("jvndb: not well-formed XML at line \\d+: .*rdf:RDF.*");
        assertThatThrownBy(() -> parse(utf8(JVNDB.replaceFirst("</item>", "</itme>")), "application/rdf+xml"))
                .as("misspelled end tag").isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("jvndb: not well-formed XML at line 41: ").hasMessageContaining("</item>");
        assertThatThrownBy(() -> parse(utf8(JVNDB.replaceFirst("<title>Google", "<title>&xxe;Google")), ""))
                .as("undeclared entity: an error, not a file read").isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("jvndb: not well-formed XML at line 28: ").hasMessageContaining("xxe");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
