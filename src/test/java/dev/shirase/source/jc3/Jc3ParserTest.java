package dev.shirase.source.jc3;

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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Jc3ParserTest {

    private static final FeedSource SOURCE = new FeedSource("jc3", FeedType.JC3, URI.create("https://www.jc3.or.jp/"),
            null, true);

    private static byte[] page;

    private final Jc3Parser parser = new Jc3Parser();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Jc3ParserTest.class.getResourceAsStream("/demo/feeds/jc3-top-synthetic.html")) {
            page = in.readAllBytes();
        }
    }

    @Test
    void readsThreatArticlesOnceEachInPageOrder() throws Exception {
        List<Advisory> advisories = parse(page, "text/html; charset=UTF-8").advisories();

        assertThat(advisories).extracting(Advisory::id)
                .containsExactly("JC3-article-512", "JC3-article-509", "JC3-article-505", "JC3-article-488");
        assertThat(advisories).extracting(Advisory::url).containsExactly(
                "https://www.jc3.or.jp/threats/topics/article-512.html",
                "https://www.jc3.or.jp/threats/topics/article-509.html",
                "https://www.jc3.or.jp/threats/topics/article-505.html",
                "https://www.jc3.or.jp/threats/topics/article-488.html");
        assertThat(advisories).allMatch(a -> a.category() == Category.FRAUD_TREND && a.source().equals("jc3"));
    }

    @Test
    void mapsEveryFieldOfAnArticle() throws Exception {
        List<Advisory> advisories = parse(page, "text/html").advisories();

        Advisory first = advisories.get(0);
        assertThat(first.title()).isEqualTo("年末年始に多発するネットショッピング詐欺に注意！");
        assertThat(first.summary()).isEmpty();
        assertThat(first.published()).isEqualTo(OffsetDateTime.parse("2024-01-02T00:00:00+09:00"));
        assertThat(first.modified()).isEqualTo(first.published());
        assertThat(first.identifiers()).isEmpty();
        assertThat(first.cvss()).isEmpty();
        assertThat(first.products()).isEmpty();

        Advisory sms = advisories.get(1);
        assertThat(sms.title()).isEqualTo("宅配業者を装った SMS（スミッシング）& 偽ログインページに関する注意喚起");
        assertThat(sms.summary()).isEqualTo("不在通知を装った SMS から偽サイトへ誘導し、ID・パスワードを窃取する手口が確認されています。");
        assertThat(sms.published()).isEqualTo(OffsetDateTime.parse("2023-12-20T00:00:00+09:00"));

        Advisory vpn = advisories.get(2);
        assertThat(vpn.identifiers()).containsExactly(Identifier.of(IdentifierType.CVE, "CVE-2023-46805"));
        assertThat(vpn.published()).isEqualTo(OffsetDateTime.parse("2023-11-09T00:00:00+09:00"));
    }

    @Test
    void dropsScriptLinksAndSkipsBadDates() throws Exception {
        List<Advisory> advisories = parse(page, "").advisories();

        assertThat(advisories).noneMatch(a -> a.title().contains("サポート詐欺"));
        assertThat(advisories).noneMatch(a -> a.id().equals("JC3-article-499"));
        assertThat(advisories).noneMatch(a -> a.url().contains("/info/") || a.url().contains("npa.go.jp"));
    }

    @Test
    void readsShiftJisWhenTheHeaderSaysSo() throws Exception {
        String html = "<html><body><article><h3 class=\"other-link\"><a href=\"/threats/topics/article-7.html\">"
                + "偽警告に注意</a></h3><ul class=\"entry-info\"><li class=\"date\">2024.2.29</li></ul></article></body></html>";
        Advisory only = parse(html.getBytes(Charset.forName("Shift_JIS")), "text/html; charset=Shift_JIS")
                .advisories().get(0);
        assertThat(only.title()).isEqualTo("偽警告に注意");
        assertThat(only.published()).isEqualTo(OffsetDateTime.parse("2024-02-29T00:00:00+09:00"));
    }

    @Test
    void datesAcceptOnlyRealCalendarDays() {
        assertThat(Jc3AdvisoryAdapter.date("2024.1.2")).contains(OffsetDateTime.parse("2024-01-02T00:00+09:00"));
        assertThat(Jc3AdvisoryAdapter.date(" 2024.12.31 ")).contains(OffsetDateTime.parse("2024-12-31T00:00+09:00"));
        assertThat(Jc3AdvisoryAdapter.date("2024年1月2日")).contains(OffsetDateTime.parse("2024-01-02T00:00+09:00"));
        assertThat(Jc3AdvisoryAdapter.date("2023.2.29")).isEmpty();
        assertThat(Jc3AdvisoryAdapter.date("2023.13.40")).isEmpty();
        assertThat(Jc3AdvisoryAdapter.date("")).isEmpty();
        assertThat(Jc3AdvisoryAdapter.date("近日公開")).isEmpty();
    }

    @Test
    void pageWithoutThreatArticlesIsAnError() {
        String redesigned = "<html><body><div class=\"news\"><a href=\"/threats/topics/article-1.html\">x</a></div></body></html>";
        assertThatThrownBy(() -> parse(redesigned)).isInstanceOf(FeedParseException.class)
                .hasMessage("jc3: no threat articles found — page layout changed?");
        String onlyNotices = "<html><body><article><h3 class=\"other-link\"><a href=\"/info/a.html\">休業</a></h3>"
                + "<ul class=\"entry-info\"><li class=\"date\">2024.1.2</li></ul></article></body></html>";
        assertThatThrownBy(() -> parse(onlyNotices)).isInstanceOf(FeedParseException.class)
                .hasMessage("jc3: no threat articles found — page layout changed?");
        assertThatThrownBy(() -> parse("<html><head><title>503 Service Unavailable</title></head><body></body></html>"))
                .isInstanceOf(FeedParseException.class).hasMessage("jc3: no threat articles found — page layout changed?");
    }

    @Test
    void threatArticlesWithoutAnyReadableDateAreAnError() {
        String html = "<html><body><article><h3 class=\"other-link\"><a href=\"/threats/topics/article-9.html\">x</a></h3>"
                + "<ul class=\"entry-info\"><li class=\"date\">9999</li></ul></article></body></html>";
        assertThatThrownBy(() -> parse(html)).isInstanceOf(FeedParseException.class).hasMessage(
                "jc3: 1 threat articles found but none has a readable date, e.g. "
                        + "https://www.jc3.or.jp/threats/topics/article-9.html \"9999\"");
    }

    @Test
    void badInputsAreFeedParseExceptionsNamingTheSource() {
        assertThatThrownBy(() -> parse(new byte[0], "text/html")).isInstanceOf(FeedParseException.class)
                .hasMessage("jc3: empty body");
        assertThatThrownBy(() -> parse("{\"itemdata\":[]}")).isInstanceOf(FeedParseException.class)
                .hasMessage("jc3: no threat articles found — page layout changed?");
        assertThatThrownBy(() -> parse(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, (byte) 0xff, 0x3c, 0x00, 0x61}, "text/html; charset=bogus!"))
                .isInstanceOf(FeedParseException.class).hasMessage("jc3: no threat articles found — page layout changed?");
        byte[] truncated = java.util.Arrays.copyOf(page, 1500);
        assertThatThrownBy(() -> parse(truncated, "text/html")).isInstanceOf(FeedParseException.class)
                .hasMessage("jc3: no threat articles found — page layout changed?");
        assertThatThrownBy(() -> parser.parse(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        }, "", SOURCE)).isInstanceOf(FeedParseException.class).hasMessage("jc3: could not read the page: connection reset");
    }

    private ParsedFeed parse(String html) throws FeedParseException {
        return parse(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }

    private ParsedFeed parse(byte[] bytes, String contentType) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(bytes), contentType, SOURCE);
    }
}
