package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes that are not valid in the feed's charset fail the parse instead of becoming U+FFFD mojibake. */
class StrictCharsetTest {
    private static final String JVNDB = new String(Fixtures.bytes("feeds/jvndb-new-rss-sample.rdf"),
            StandardCharsets.UTF_8);

    @Test
    void shiftJisBodyDeclaredAsUtf8IsAnError() {
        byte[] sjis = JVNDB.getBytes(Charset.forName("Shift_JIS"));
        assertThatThrownBy(() -> Fixtures.parse(new JvndbParser(), FeedType.JVNDB, sjis, "application/rdf+xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("jvndb: the body is not valid UTF-8 (wrong charset label or declaration?)");
    }

    @Test
    void shiftJisBodyDeclaredAsShiftJisIsRead() throws Exception {
        byte[] sjis = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"")
                .getBytes(Charset.forName("Shift_JIS"));
        ParsedFeed feed = Fixtures.parse(new JvndbParser(), FeedType.JVNDB, sjis, "application/rdf+xml");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(0).title())
                .isEqualTo("GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性");
    }

    @Test
    void utf16WithBomIsRead() throws Exception {
        byte[] utf16 = JVNDB.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16);
        ParsedFeed feed = Fixtures.parse(new JvndbParser(), FeedType.JVNDB, utf16, "");
        assertThat(feed.advisories()).hasSize(12);
        assertThat(feed.advisories().get(1).title()).isEqualTo("GoogleのGoogle Chromeにおける観測可能な不一致に関する脆弱性");
    }
}
