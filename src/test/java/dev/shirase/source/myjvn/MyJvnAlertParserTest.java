package dev.shirase.source.myjvn;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MyJvnAlertParserTest {

    private static ParsedFeed xml() throws FeedParseException {
        return Fixtures.parse(new MyJvnAlertParser(), FeedType.MYJVN_ALERT, "feeds/myjvn-getAlertList-hnd-sample.xml");
    }

    private static ParsedFeed json() throws FeedParseException {
        return Fixtures.parse(new MyJvnAlertJsonParser(), FeedType.MYJVN_ALERT,
                Fixtures.bytes("feeds/myjvn-getAlertList-hnd-sample.json"), "application/json");
    }

    @Test
    void atomEntriesWithSecItems() throws Exception {
        ParsedFeed feed = xml();
        assertThat(feed.advisories()).extracting(Advisory::id).containsExactly("MYJVN-ALT-2025-0000", "MYJVN-ALT-2025-0011");
        assertThat(feed.totalResults()).isEqualTo(2);

        Advisory a = byId(feed, "MYJVN-ALT-2025-0000");
        assertThat(a.category()).isEqualTo(Category.ALERT);
        assertThat(a.source()).isEqualTo("myjvn-alert");
        assertThat(a.title()).isEqualTo("MyJVN APIに関するセキュリティ情報");
        assertThat(a.summary()).isEqualTo("更新に関する連絡です。");
        assertThat(a.url()).isEqualTo("https://www.ipa.go.jp/security/");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2025-04-04T14:45:58+09:00"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2025-04-26T07:36:21+09:00"));
        assertThat(a.modified().getOffset().getId()).isEqualTo("+09:00");
        assertThat(a.identifiers()).containsExactly(Identifier.of(IdentifierType.MYJVN_ALERT, "MYJVN-ALT-2025-0000"));
        assertThat(a.products()).as("the same CPE in two items counts once").containsExactly(
                new AffectedProduct(Optional.of("cpe:/a:dendai.ac.jp:myjvn_api"), "", "", Optional.empty()));
        assertThat(a.references()).containsExactly(
                new Reference("MyJVN", "MYJVN-ALT-2025-0000-0001", "IPA security-alert",
                        "https://www.ipa.go.jp/security/security-alert/"),
                new Reference("MyJVN", "MYJVN-ALT-2025-0000-0002", "IPA security-alert MyJVN API v4.0.0に関する更新情報",
                        "https://www.ipa.go.jp/security/security-alert/"));
        assertThat(a.cvss()).as("the Info/Low/… term is not a CVSS rating").isEmpty();
        assertThat(a.severity()).isEqualTo(Severity.UNKNOWN);

        Advisory wp = byId(feed, "MYJVN-ALT-2025-0011");
        assertThat(wp.title()).isEqualTo("WordPress に関するソフトウェア更新情報 (2025年2月12日 公開)");
        assertThat(wp.url()).as("no entry link: the first item link").isEqualTo("https://wordpress.org/download/");
        assertThat(wp.summary()).isEmpty();
        assertThat(wp.products()).containsExactly(
                new AffectedProduct(Optional.of("cpe:/a:wordpress:wordpress"), "", "", Optional.empty()));
        assertThat(wp.published()).isEqualTo(wp.modified()).isEqualTo(OffsetDateTime.parse("2025-02-12T10:58:02+09:00"));
    }

    @Test
    void jsonFormGivesTheSameAdvisoriesAsXml() throws Exception {
        ParsedFeed json = json();
        assertThat(json.advisories()).hasSize(2);
        assertThat(json.advisories()).isEqualTo(xml().advisories());
        assertThat(json.totalResults()).isEqualTo(2);
    }

    @Test
    void jsonErrorStatus() {
        assertThatThrownBy(() -> Fixtures.parse(new MyJvnAlertJsonParser(), FeedType.MYJVN_ALERT,
                Fixtures.bytes("edge/myjvn-alert-error-status.json"), "application/json"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("retCd=1").hasMessageContaining("MJAPI-10001")
                .hasMessageContaining("メソッド名が不正です。");
    }

    @Test
    void xmlErrorStatus() {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">
                  <title>IPA注意警戒サービスAPI</title><id>x</id><updated>2025-03-23T05:16:39+09:00</updated>
                  <status:Status method="getAlertList" retCd="1" errCd="MJAPI-10003" errMsg="件数が不正です。"/>
                </feed>
                """;
        assertThatThrownBy(() -> Fixtures.parse(new MyJvnAlertParser(), FeedType.MYJVN_ALERT,
                body.getBytes(StandardCharsets.UTF_8), "application/atom+xml"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("MJAPI-10003");
    }

    @Test
    void truncatedOrWrongJsonIsAParseError() {
        byte[] full = Fixtures.bytes("feeds/myjvn-getAlertList-hnd-sample.json");
        byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(() -> Fixtures.parse(new MyJvnAlertJsonParser(), FeedType.MYJVN_ALERT, half, ""))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("myjvn-alert: not well-formed JSON");
        assertThatThrownBy(() -> Fixtures.parse(new MyJvnAlertJsonParser(), FeedType.MYJVN_ALERT,
                Fixtures.bytes("feeds/myjvn-getAlertList-hnd-sample.xml"), ""))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("not well-formed JSON");
        assertThatThrownBy(() -> Fixtures.parse(new MyJvnAlertJsonParser(), FeedType.MYJVN_ALERT,
                "[1,2]".getBytes(StandardCharsets.UTF_8), ""))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("without a \"feed\" object");
    }
}
