package dev.shirase.source.icat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcatParserTest {

    private static final FeedSource SOURCE = new FeedSource("icat", FeedType.ICAT,
            URI.create("https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?%7Bunixtime%7D&tool=icatw"), null, true);

    private final IcatParser parser = new IcatParser();

    @Test
    void readsAllSevenRealItemsWithDecodedEscapes() throws Exception {
        ParsedFeed feed = parse(fixture("icat-json-sample.json"));

        assertThat(feed.advisories()).hasSize(7);
        assertThat(feed.totalResults()).isEqualTo(7);
        assertThat(feed.kev()).isEmpty();
        assertThat(feed.epss()).isEmpty();
        Advisory first = feed.advisories().get(0);
        assertThat(first.id()).isEqualTo("ICAT-ciadr-vul-20160210-ms");
        assertThat(first.source()).isEqualTo("icat");
        assertThat(first.url()).isEqualTo("http://www.ipa.go.jp/security/ciadr/vul/20160210-ms.html");
        assertThat(first.title()).isEqualTo("Microsoft 製品の脆弱性対策について(2016年02月)");
        assertThat(first.summary()).isEmpty();
        assertThat(first.published()).isEqualTo(OffsetDateTime.parse("2016-02-10T12:00:00+09:00"));
        assertThat(first.modified()).isEqualTo(first.published());
        assertThat(first.category()).isEqualTo(Category.ALERT);
        assertThat(first.identifiers()).isEmpty();
        assertThat(first.revision()).isZero();
        assertThat(feed.advisories()).extracting(Advisory::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("ICAT-ciadr-vul-2016\\d{4}-[a-z]+"));
        assertThat(feed.advisories()).allMatch(a -> a.category() == Category.ALERT && a.source().equals("icat"));
    }

    @Test
    void extractsIdentifiersFromTitles() throws Exception {
        List<Advisory> advisories = parse(fixture("icat-json-sample.json")).advisories();

        Advisory flash = advisories.get(1);
        assertThat(flash.id()).isEqualTo("ICAT-ciadr-vul-20160210-adobeflashplayer");
        assertThat(flash.title()).isEqualTo("Adobe Flash Player の脆弱性対策について(APSB16-04)(CVE-2016-0985等)");
        assertThat(flash.identifiers()).containsExactly(Identifier.of(IdentifierType.CVE, "CVE-2016-0985"));
        Advisory printer = advisories.get(5);
        assertThat(printer.title()).isEqualTo("【注意喚起】インターネットに接続する複合機等のオフィス機器の再点検を！");
        assertThat(printer.published()).isEqualTo(OffsetDateTime.parse("2016-01-06T16:40:00+09:00"));
        Advisory dx = advisories.get(6);
        assertThat(dx.id()).isEqualTo("ICAT-ciadr-vul-20160105-jvn");
        assertThat(dx.identifiers()).containsExactly(Identifier.of(IdentifierType.JVN, "JVN#49476817"));
    }

    @Test
    void takesIdentifiersFromItemIdentifierArrayOrString() throws Exception {
        String json = """
                {"itemdata":[
                 {"item_title":"A","item_link":"https:\\/\\/www.ipa.go.jp\\/security\\/security-alert\\/2024\\/alert20240213.html",
                  "item_date":"2024-02-13T17:00:00+09:00","item_identifier":["CVE-2024-21412","JVNVU#99999999"]},
                 {"item_title":"B","item_link":"https://www.ipa.go.jp/security/vuln/index.html",
                  "item_date":"2024-02-14 10:00:00","item_identifier":"cve-2024-0001"},
                 {"item_title":"C","item_link":"javascript:alert(1)","item_date":"2024-02-15T09:00:00+09:00"}
                ]}""";
        List<Advisory> advisories = parse(json).advisories();

        assertThat(advisories).hasSize(3);
        assertThat(advisories.get(0).id()).isEqualTo("ICAT-security-alert-2024-alert20240213");
        assertThat(advisories.get(0).identifiers()).containsExactlyInAnyOrder(
                Identifier.of(IdentifierType.CVE, "CVE-2024-21412"), Identifier.of(IdentifierType.JVNVU, "JVNVU#99999999"));
        assertThat(advisories.get(1).id()).isEqualTo("ICAT-vuln");
        assertThat(advisories.get(1).identifiers()).containsExactly(Identifier.of(IdentifierType.CVE, "CVE-2024-0001"));
        assertThat(advisories.get(1).published()).isEqualTo(OffsetDateTime.parse("2024-02-14T10:00:00+09:00"));
        // A non-http link is dropped; the id then falls back to a stable hash of title and date.
        assertThat(advisories.get(2).url()).isEmpty();
        assertThat(advisories.get(2).id()).matches("ICAT-h[0-9a-f]{12}");
        assertThat(parse(json).advisories().get(2).id()).isEqualTo(advisories.get(2).id());
    }

    @Test
    void skipsItemsWithoutDateButFailsWhenNoneIsDated() throws Exception {
        String oneBad = """
                {"itemdata":[{"item_title":"ok","item_link":"https://www.ipa.go.jp/a.html","item_date":"2024-01-01T00:00:00+09:00"},
                             {"item_title":"bad","item_link":"https://www.ipa.go.jp/b.html","item_date":"yesterday"}]}""";
        assertThat(parse(oneBad).advisories()).extracting(Advisory::id).containsExactly("ICAT-a");

        String allBad = """
                {"itemdata":[{"item_title":"bad","item_link":"https://www.ipa.go.jp/b.html","item_date":""}]}""";
        assertThatThrownBy(() -> parse(allBad)).isInstanceOf(FeedParseException.class)
                .hasMessage("icat: none of the 1 icat items has a readable item_date");
    }

    @Test
    void repeatedLinkKeepsItsNewestDating() throws Exception {
        String json = """
                {"itemdata":[{"item_title":"old","item_link":"https://www.ipa.go.jp/a.html","item_date":"2024-01-01T10:00:00+09:00"},
                             {"item_title":"【更新】new","item_link":"https://www.ipa.go.jp/a.html","item_date":"2024-01-03T10:00:00+09:00"}]}""";
        List<Advisory> advisories = parse(json).advisories();
        assertThat(advisories).hasSize(1);
        assertThat(advisories.get(0).title()).isEqualTo("【更新】new");
        assertThat(advisories.get(0).published()).isEqualTo(OffsetDateTime.parse("2024-01-03T10:00:00+09:00"));
    }

    @Test
    void emptyItemListIsAnEmptyFeed() throws Exception {
        assertThat(parse("{\"itemdata\":[],\"docTitle\":\"x\"}").advisories()).isEmpty();
    }

    @Test
    void errorReplyBecomesFeedParseExceptionWithCodeAndMessage() {
        assertThatThrownBy(() -> parse(fixture("icat-json-error-sample.json")))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("icat: IRSS-0103 データの読込みに失敗しました。しばらくしてから、ページの再読込みをしてください。");
    }

    @Test
    void badInputsAreFeedParseExceptionsNamingTheSource() throws Exception {
        byte[] real = fixture("icat-json-sample.json");
        byte[] truncated = java.util.Arrays.copyOf(real, real.length / 2);
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("icat: not valid JSON");
        assertThatThrownBy(() -> parse("<!DOCTYPE html><html><body>Service Unavailable</body></html>"))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("icat: got HTML/XML instead of JSON");
        assertThatThrownBy(() -> parse("")).isInstanceOf(FeedParseException.class).hasMessage("icat: empty body");
        assertThatThrownBy(() -> parse("  \n")).isInstanceOf(FeedParseException.class).hasMessage("icat: empty body");
        assertThatThrownBy(() -> parse(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) 0xff, 0x00, 0x7f}))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("icat: not valid JSON");
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(FeedParseException.class)
                .hasMessage("icat: expected a JSON object, got ARRAY");
        assertThatThrownBy(() -> parse("{\"docTitle\":\"x\"}")).isInstanceOf(FeedParseException.class)
                .hasMessage("icat: no itemdata array in the reply");
        assertThatThrownBy(() -> parse("{\"itemdata\":[\"x\"]}")).isInstanceOf(FeedParseException.class)
                .hasMessage("icat: itemdata holds a STRING where an item object belongs");
        assertThatThrownBy(() -> parse("{\"itemdata\":[]} trailing")).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("icat: not valid JSON");
        assertThatThrownBy(() -> parser.parse(failingStream(), "", SOURCE)).isInstanceOf(FeedParseException.class)
                .hasMessage("icat: could not read the body: connection reset");
    }

    @Test
    void requestUrlCarriesCurrentUnixTime() {
        Instant now = Instant.parse("2016-02-10T02:58:22Z");
        assertThat(IcatRequest.url(SOURCE.url(), now)).isEqualTo(
                URI.create("https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?1455073102&tool=icatw"));
        assertThat(IcatRequest.url("https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?{unixtime}&tool=icatw", now))
                .isEqualTo("https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?1455073102&tool=icatw");
        assertThat(IcatRequest.url(URI.create("https://example.org/feed.json"), now))
                .isEqualTo(URI.create("https://example.org/feed.json"));
    }

    private ParsedFeed parse(String json) throws FeedParseException {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private ParsedFeed parse(byte[] bytes) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(bytes), "application/json", SOURCE);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = IcatParserTest.class.getResourceAsStream("/fixtures/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream failingStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
    }
}
