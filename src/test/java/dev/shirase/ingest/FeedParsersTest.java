package dev.shirase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parser registry and per-request URL rewriting. */
class FeedParsersTest {
    private final FeedParsers parsers = new FeedParsers();

    @Test
    void everyTypeHasAParser() {
        for (FeedType type : FeedType.values()) {
            assertThat(parsers.forType(type)).as(type.key()).isNotNull();
        }
    }

    @Test
    void myJvnAlertIsReadAsJsonWhenAskedForJsonOrServedAsJson() throws Exception {
        FeedSource json = new FeedSource("myjvn-alert", FeedType.MYJVN_ALERT,
                URI.create("https://jvndb.jvn.jp/myjvn?method=getAlertList&feed=hnd&ft=json"), null, true);
        FeedSource xml = new FeedSource("myjvn-alert", FeedType.MYJVN_ALERT,
                URI.create("https://jvndb.jvn.jp/myjvn?method=getAlertList&feed=hnd"), null, true);
        ParsedFeed byQuery = parse(json, "myjvn-getAlertList-hnd-sample.json", "text/plain");
        ParsedFeed byType = parse(xml, "myjvn-getAlertList-hnd-sample.json", "application/json; charset=UTF-8");
        ParsedFeed fromXml = parse(xml, "myjvn-getAlertList-hnd-sample.xml", "application/atom+xml");
        assertThat(byQuery.advisories()).isNotEmpty();
        assertThat(ids(byType)).isEqualTo(ids(byQuery));
        assertThat(ids(fromXml)).isEqualTo(ids(byQuery));
    }

    @Test
    void icatUrlGetsTheCurrentUnixTime() {
        FeedSource icat = new FeedSource("icat", FeedType.ICAT,
                URI.create("https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?%7Bunixtime%7D&tool=icatw"),
                null, true);
        FeedSource polled = RequestUrls.forPoll(icat, Instant.ofEpochSecond(1_790_000_000L));
        assertThat(polled.url()).hasToString(
                "https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?1790000000&tool=icatw");
        assertThat(polled.id()).isEqualTo("icat");
        FeedSource plain = new FeedSource("jvn", FeedType.JVN, URI.create("https://jvn.jp/rss/jvn.rdf"), null, true);
        assertThat(RequestUrls.forPoll(plain, Instant.EPOCH)).isSameAs(plain);
    }

    private ParsedFeed parse(FeedSource source, String fixture, String contentType) throws Exception {
        return parsers.forType(source.type())
                .parse(new ByteArrayInputStream(FeedServer.fixture(fixture)), contentType, source);
    }

    private static java.util.List<String> ids(ParsedFeed feed) {
        return feed.advisories().stream().map(Advisory::id).sorted().toList();
    }
}
