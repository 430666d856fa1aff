package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DigestRenderer renderer = DigestRenderer.bundled();

    @Test
    void japaneseByDefaultInEveryFormat() throws Exception {
        RenderedMessage m = renderer.render(SampleDigests.small(Locale.JAPANESE));
        assertThat(m.key()).isEqualTo("digest:admins:2026-11-16..2026-11-23");
        assertThat(m.subject()).isEqualTo("【Shirase】週刊セキュリティ情報 2026-11-16 〜 2026-11-22");
        assertThat(m.text()).contains("■ 今週対応が必要なもの（該当） (1)", "FortiOS における認証回避の脆弱性",
                "JVNDB-2026-001234, CVE-2026-24858", "KEV掲載", "CVSS 9.8", "EPSS 94.3%",
                "対象: FortiGate 60F 7.4.3 (担当: 情報システム部)", "対応: 7.4.9 へ更新",
                "jc3: 0件 — 取得に失敗しています: HTTP 503 since 2026-11-20");
        assertThat(m.text()).doesNotContain("今週は該当なし");
        assertThat(m.html()).contains("<html lang=\"ja\">", "今週対応が必要なもの（該当）",
                "<a href=\"https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-001234.html\">JVNDB-2026-001234</a>");
        JsonNode slack = JSON.readTree(m.slackMessages().get(0));
        assertThat(slack.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(slack.toString()).contains("FortiOS における認証回避の脆弱性",
                "<https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-001234.html|JVNDB-2026-001234>");
        JsonNode card = JSON.readTree(m.teamsCard()).get("attachments").get(0);
        assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("content").get("version").asText()).isEqualTo("1.4");
        assertThat(card.get("content").get("actions").get(0).get("url").asText())
                .isEqualTo("https://shirase.example.jp/digests/2026-11-23");
    }

    @Test
    void englishWithLocaleEn() throws Exception {
        RenderedMessage m = renderer.render(SampleDigests.small(Locale.ENGLISH));
        assertThat(m.subject()).isEqualTo("[Shirase] Weekly security digest 2026-11-16 to 2026-11-22");
        assertThat(m.text()).contains("■ Action needed this week (affected) (1)", "Action: 7.4.9 へ更新",
                "Listed in CISA KEV", "Please check (version unknown)").doesNotContain("要確認");
        assertThat(m.html()).contains("<html lang=\"en\">", "Alerts and attack techniques");
        assertThat(m.slackMessages().get(0)).contains("Summary");
        assertThat(m.teamsCard()).contains("Advisories per source");
    }

    @Test
    void alertSubjectNamesTheThreatAndStaysSafe() throws Exception {
        dev.shirase.digest.Digest d = SampleDigests.small(Locale.JAPANESE);
        dev.shirase.digest.Digest alert = new dev.shirase.digest.Digest("alert:admins:JVN#66666666:web:affected",
                dev.shirase.digest.Kind.ALERT, d.audience(), d.locale(), d.window(),
                List.of(new dev.shirase.digest.DigestSection(dev.shirase.digest.SectionKind.AFFECTED,
                        List.of(SampleDigests.hostileEntry()))), d.summary(), d.archiveUrl());
        RenderedMessage m = renderer.render(alert);
        assertThat(m.subject()).isEqualTo("【Shirase 緊急】 " + SampleDigests.HOSTILE_TITLE);
        assertThat(m.html()).contains("Shirase 緊急アラート").doesNotContain("<script>");
        JsonNode slack = JSON.readTree(m.slackMessages().get(0));
        assertThat(slack.get("text").asText()).startsWith("【Shirase 緊急】 &lt;!channel&gt;");
        assertThat(slack.toString()).doesNotContain("<!channel>");
        assertThat(m.text()).contains("至急対応してください");
    }

    @Test
    void saysNothingMatchedSoSilenceIsNotABreakdown() {
        RenderedMessage ja = renderer.render(SampleDigests.empty(Locale.JAPANESE));
        assertThat(ja.text()).contains("今週は該当なし");
        assertThat(ja.html()).contains("今週は該当なし");
        assertThat(ja.slackMessages().get(0)).contains("今週は該当なし");
        assertThat(ja.teamsCard()).contains("今週は該当なし");
        assertThat(renderer.render(SampleDigests.empty(Locale.ENGLISH)).text()).contains("Nothing matched this week");
    }

    @Test
    void hostileTitleNeverBecomesAMentionATagOrAScriptLink() throws Exception {
        RenderedMessage m = renderer.render(SampleDigests.small(Locale.JAPANESE));
        // HTML: escaped text, no tag, only http(s) hrefs
        assertThat(m.html()).doesNotContain("<script>", "<!channel>", "<b>Web</b>", "javascript:alert(3)", "data:text/html")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Web&lt;/b&gt;")
                .contains("href=\"https://jvn.jp/vu/JVNVU99999999/?a=1&amp;b=2\"");
        assertThat(hrefs(m.html())).allMatch(h -> h.startsWith("https://") || h.startsWith("http://"));
        // Slack: mrkdwn escaped, so no <!channel>, <!here>, <@U…> or foreign <url|label>
        for (String payload : m.slackMessages()) {
            String all = texts(JSON.readTree(payload));
            assertThat(all).doesNotContain("<!channel>", "<!here>", "<@U123>", "<script>", "<https://evil.example|click>",
                    "javascript:alert(3)");
            assertThat(all).contains("&lt;!channel&gt;", "&lt;script&gt;", "&amp;");
            assertThat(all).contains("<https://jvn.jp/vu/JVNVU99999999/?a=1&amp;b=2|ok &lt;b&gt;>");
        }
        // Teams: valid JSON, the title is text, no javascript: link, Markdown link syntax broken
        String cardText = texts(JSON.readTree(m.teamsCard()));
        assertThat(cardText).contains("<!channel> <script>alert(1)</script>").doesNotContain("](javascript:", "javascript:alert(3)");
        // text: no unsafe link
        assertThat(m.text()).doesNotContain("javascript:alert(3)", "data:text/html");
    }

    @Test
    void largeDigestIsSplitIntoSlackMessagesOfAtMostFiftyBlocks() throws Exception {
        RenderedMessage m = SampleDigests.renderedLarge();
        assertThat(m.slackMessages()).hasSizeGreaterThan(2);
        int entries = 0;
        for (String payload : m.slackMessages()) {
            JsonNode blocks = JSON.readTree(payload).get("blocks");
            assertThat(blocks.size()).isBetween(1, 50);
            for (JsonNode b : blocks) {
                if (b.path("text").path("text").isTextual() && b.get("type").asText().equals("section")) {
                    assertThat(b.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
                }
                if (b.toString().contains("テスト製品 ")) {
                    entries++;
                }
            }
        }
        assertThat(entries).isEqualTo(120);
        assertThat(JSON.readTree(m.slackMessages().get(1)).get("text").asText()).endsWith("(2/" + m.slackMessages().size() + ")");
    }

    @Test
    void longSectionTextIsSplitAtThreeThousandCharacters() throws Exception {
        String long1 = "x".repeat(2990) + " & <tail>";
        List<String> msgs = SlackMessageSplitter.split("{\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":"
                + JSON.writeValueAsString(SlackMrkdwnEscaping.mrkdwn(long1 + "\n" + "y".repeat(5000))) + "}}]}", "s");
        JsonNode blocks = JSON.readTree(msgs.get(0)).get("blocks");
        assertThat(blocks.size()).isGreaterThan(2);
        StringBuilder joined = new StringBuilder();
        for (JsonNode b : blocks) {
            String t = b.get("text").get("text").asText();
            assertThat(t.length()).isLessThanOrEqualTo(3000);
            assertThat(t).doesNotEndWith("&").doesNotEndWith("&am");
            joined.append(t).append('|');
        }
        assertThat(joined.toString()).contains("&amp;", "&lt;tail&gt;").contains("y".repeat(100));
    }

    @Test
    void teamsCardIsTruncatedToTwentyEightKilobytesWithALinkToTheArchive() throws Exception {
        RenderedMessage m = SampleDigests.renderedLarge();
        byte[] bytes = m.teamsCard().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(28 * 1024).isGreaterThan(20 * 1024);
        assertThat(m.teamsCard()).contains("続きはアーカイブで", "(https://shirase.example.jp/digests/2026-11-23)");
        assertThat(m.teamsCard()).contains("テスト製品 1 ").doesNotContain("テスト製品 120 ");
        // the e-mail keeps everything
        assertThat(m.text()).contains("テスト製品 120 ");
        // a small digest is not truncated
        assertThat(renderer.render(SampleDigests.small(Locale.JAPANESE)).teamsCard()).doesNotContain("続きはアーカイブで");
    }

    @Test
    void companyTemplatesOverrideTheBundledOnes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("digest"));
        Files.writeString(dir.resolve("digest/subject.txt.peb"), "社内通知: {{ windowFrom }}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("digest/messages_ja.properties"), "section.AFFECTED=要対応\n", StandardCharsets.UTF_8);
        RenderedMessage m = DigestRenderer.withTemplates(dir).render(SampleDigests.small(Locale.JAPANESE));
        assertThat(m.subject()).isEqualTo("社内通知: 2026-11-16");
        assertThat(m.text()).contains("■ 要対応 (1)", "■ 要確認（バージョンを確認してください） (1)");
    }

    @Test
    void safeUrlAcceptsOnlyHttpAndHttps() {
        assertThat(SafeUrl.of("https://jvn.jp/a|b")).contains("https://jvn.jp/a%7Cb");
        assertThat(SafeUrl.of("HTTP://jvn.jp/")).contains("HTTP://jvn.jp/");
        assertThat(SafeUrl.of("javascript:alert(1)")).isEmpty();
        assertThat(SafeUrl.of(" JavaScript:alert(1)")).isEmpty();
        assertThat(SafeUrl.of("data:text/html,x")).isEmpty();
        assertThat(SafeUrl.of("//evil.example/")).isEmpty();
        assertThat(SafeUrl.of("https://x.example/\n<!channel>")).isEmpty();
    }

    private static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = html.indexOf("href=\"", i)) >= 0) {
            int end = html.indexOf('"', i + 6);
            out.add(html.substring(i + 6, end));
            i = end;
        }
        return out;
    }

    /** All string values in a JSON tree, one per line. */
    static String texts(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(JsonNode node, StringBuilder sb) {
        if (node.isTextual()) {
            sb.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, sb));
    }
}
