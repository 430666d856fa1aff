package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import dev.shirase.source.FeedParser;
import dev.shirase.source.jvndb.JvndbFeedParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes that are not valid in the feed's charset fail the parse instead of becoming U+FFFD mojibake, with Rome's
 * reader and with the streaming JVN iPedia reader alike.
 */
class StrictCharsetTest {
    private static final String JVNDB = new String(Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf"),
            StandardCharsets.UTF_8);

    static Stream<FeedParser> parsers() {
        return Stream.of(new JvndbParser(), new JvndbFeedParser());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void shiftJisBodyDeclaredAsUtf8IsAnError(FeedParser parser) {
        byte[] sjis = JVNDB.getBytes(Charset.forName("Shift_JIS"));
        assertThatThrownBy(() -> Fixtures.parse(parser, FeedType.JVNDB, sjis, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void shiftJisBodyDeclaredAsShiftJisIsRead(FeedParser parser) throws Exception {
        byte[] sjis = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"")
                .getBytes(Charset.forName("Shift_JIS"));
        ParsedFeed feed = Fixtures.parse(parser, FeedType.JVNDB, sjis, "application/rdf+xml");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(0).title())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void utf16WithBomIsRead(FeedParser parser) throws Exception {
        byte[] utf16 = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16);
        ParsedFeed feed = Fixtures.parse(parser, FeedType.JVNDB, utf16, "");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(1).title()).isEqualTo("GoogleのGoogle Chromeにおける観測可能な不一致に関する脆弱性");
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void aReplacementCharacterWrittenInValidUtf8IsKept(FeedParser parser) throws Exception {
        // U+FFFD is a valid character: only bytes that cannot be decoded are an error.
        byte[] body = JVNDB.replaceFirst("Google Chrome", "Google \uFFFD Chrome").getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = Fixtures.parse(parser, FeedType.JVNDB, body, "application/rdf+xml");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().stream().map(a -> a.title())).anyMatch(t -> t.contains("Google \uFFFD Chrome"));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void oneBrokenByteInAnotherwiseValidUtf8BodyIsAnError(FeedParser parser) {
        byte[] body = JVNDB.getBytes(StandardCharsets.UTF_8);
        int at = JVNDB.indexOf("Google Chrome");
        body[JVNDB.substring(0, at).getBytes(StandardCharsets.UTF_8).length - 1] = (byte) 0xE3; // a lead byte, no follower
        assertThatThrownBy(() -> Fixtures.parse(parser, FeedType.JVNDB, body, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }
}
