package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import dev.shirase.source.FeedParser;
import dev.shirase.source.jvndb.JvndbFeedParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes that are not valid in the feed's charset fail the parse instead of becoming U+FFFD mojibake, with Rome's
 * reader and with the streaming JVN iPedia reader alike, and whether the body is in memory (a fetched body, decoded
 * as it is parsed) or a stream read once (an imported file, decoded whole first).
 */
class StrictCharsetTest {
    private static final String JVNDB = new String(Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf"),
            StandardCharsets.UTF_8);

    /** How the body reaches the parser. */
    enum Body {
        IN_MEMORY, READ_ONCE;

        ParsedFeed parse(FeedParser parser, byte[] body, String contentType) throws FeedParseException {
            InputStream in = new ByteArrayInputStream(body);
            if (this == READ_ONCE) {
                in = new FilterInputStream(in) {
                    @Override
                    public boolean markSupported() {
                        return false;
                    }
                };
            }
            return parser.parse(in, contentType, Fixtures.source(FeedType.JVNDB));
        }
    }

    static Stream<Arguments> parsers() {
        return Stream.of(new JvndbParser(), new JvndbFeedParser())
                .flatMap(p -> Stream.of(Body.values()).map(b -> Arguments.of(p, b)));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void shiftJisBodyDeclaredAsUtf8IsAnError(FeedParser parser, Body delivery) {
        byte[] sjis = JVNDB.getBytes(Charset.forName("Shift_JIS"));
        assertThatThrownBy(() -> delivery.parse(parser, sjis, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void shiftJisBodyDeclaredAsShiftJisIsRead(FeedParser parser, Body delivery) throws Exception {
        byte[] sjis = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"")
                .getBytes(Charset.forName("Shift_JIS"));
        ParsedFeed feed = delivery.parse(parser, sjis, "application/rdf+xml");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(0).title())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void utf16WithBomIsRead(FeedParser parser, Body delivery) throws Exception {
        byte[] utf16 = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16);
        ParsedFeed feed = delivery.parse(parser, utf16, "");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(1).title()).isEqualTo("GoogleのGoogle Chromeにおける観測可能な不一致に関する脆弱性");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void aReplacementCharacterWrittenInValidUtf8IsKept(FeedParser parser, Body delivery) throws Exception {
        // U+FFFD is a valid character: only bytes that cannot be decoded are an error.
        byte[] body = JVNDB.replaceFirst("Google Chrome", "Google \uFFFD Chrome").getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = delivery.parse(parser, body, "application/rdf+xml");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().stream().map(a -> a.title())).anyMatch(t -> t.contains("Google \uFFFD Chrome"));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void oneBrokenByteInAnotherwiseValidUtf8BodyIsAnError(FeedParser parser, Body delivery) {
        byte[] body = JVNDB.getBytes(StandardCharsets.UTF_8);
        int at = JVNDB.indexOf("Google Chrome");
        body[JVNDB.substring(0, at).getBytes(StandardCharsets.UTF_8).length - 1] = (byte) 0xE3; // a lead byte, no follower
        assertThatThrownBy(() -> delivery.parse(parser, body, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }
}
