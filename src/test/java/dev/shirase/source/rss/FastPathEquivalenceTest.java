package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.PlainText;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths give exactly what {@link PlainText} and {@link IdentifierExtractor} give. */
class FastPathEquivalenceTest {

    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u000B", "\f", "\u0001",
        "\u3000", "a", "Z", "あ", "脆弱性", "&", "&amp;", "&lt;b&gt;", "<br>", "<p>", ";", "#", "\uD83D\uDE00", "x y"};

    @Test
    void plainTextOfRandomAndRealText() throws Exception {
        List<String> samples = new ArrayList<>(List.of("", " ", "Google Chrome", " Google", "Google ", "a  b",
                "a \n b", "1行目\r\n2行目&#13;", "A\u00a0B", "（複数のベンダ）", "x\u0001y", "\u0001x"));
        Random random = new Random(20261125);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            samples.add(s.toString());
        }
        for (String fixture : List.of("feeds/jvndb-new-rss-sample.rdf", "feeds/myjvn-getVulnOverviewList-hnd-sample.xml",
                "feeds/jvn-rss-sample.rdf", "feeds/jpcert-rss-sample.rdf", "feeds/ipa-alert-rss-sample.rdf")) {
            for (FeedItem item : FeedItems.of(SecureFeedReader.read(
                    new ByteArrayInputStream(Fixtures.bytes(fixture)), "", "test"))) {
                samples.add(item.title());
                samples.add(item.description());
                item.sec().cpes().forEach(c -> samples.addAll(List.of(c.vendor(), c.product())));
                item.sec().references().forEach(r -> samples.addAll(List.of(r.id(), r.title())));
            }
        }
        for (String s : samples) {
            assertThat(PlainTextFastPath.of(s)).as("PlainText of [%s]", s).isEqualTo(PlainText.of(s));
        }
    }

    @Test
    void identifiersOfRandomNearCanonicalText() {
        String[] prefixes = {"CVE", "cve", "Cve", "JVNDB", "jvndb", "JVNVU#", "JVNVU＃", "JVN#", "jvn#", "JPCERT-AT",
            "MYJVN-ALT", "MyJVN-ALT", "CV", "JV", "XCVE", ""};
        String[] separators = {"-", "‐", "－", "", "_"};
        String[] edges = {"", " ", "x", "1", "あ", "-", "#"};
        List<String> samples = new ArrayList<>(List.of("CVE-2026-106302", "JVNDB-2026-037242", "CVE-2026-123",
                "CVE-2026-12345678", " CVE-2026-1234 ", "CVE-2026-1234x", "JVNDB-2026-00001", "JVNDB-2026-0000012",
                "CVE-2026-1234 CVE-2026-5678", "CVE-20a6-1234", "JVNDB-2026-03724２", "ＣＶＥ-2026-1234", "", "cv"));
        Random random = new Random(42);
        for (int i = 0; i < 4_000; i++) {
            String sep = separators[random.nextInt(separators.length)];
            samples.add(edges[random.nextInt(edges.length)] + prefixes[random.nextInt(prefixes.length)] + sep
                    + digits(random, 3 + random.nextInt(3)) + sep + digits(random, 3 + random.nextInt(6))
                    + edges[random.nextInt(edges.length)]);
        }
        for (String s : samples) {
            assertThat(IdentifierFastPath.parse(s)).as("parse [%s]", s).isEqualTo(IdentifierExtractor.parse(s));
            assertThat(IdentifierFastPath.extract(s)).as("extract [%s]", s).isEqualTo(IdentifierExtractor.extract(s));
        }
        assertThat(IdentifierFastPath.extract(null)).isEqualTo(IdentifierExtractor.extract(null));
        assertThat(IdentifierFastPath.parse(null)).isEqualTo(IdentifierExtractor.parse(null));
    }

    @Test
    void datesOfRandomIsoShapedText() {
        List<String> samples = new ArrayList<>(List.of("2026-10-08T19:59+09:00", "2026-10-08T19:59:07+09:00",
                "2026-02-30T10:00+09:00", "2026-10-08T24:00+09:00", "2026-10-08T19:60+09:00", "2026-10-08T19:59+18:01",
                "2026-10-08T19:59-00:00", "2026-10-08T19:59-05:30", "2026-10-08T19:59:60+09:00", "0000-01-01T00:00+00:00",
                "2026-10-08T19:59Z", "2026-10-08 19:59+09:00", "2026-10-08T19:59+0900", "2026-1０-08T19:59+09:00"));
        Random random = new Random(7);
        String shape = "dddd-dd-ddTdd:dd:dd+dd:dd";
        for (int i = 0; i < 4_000; i++) {
            StringBuilder s = new StringBuilder();
            boolean seconds = random.nextBoolean();
            for (int c = 0; c < shape.length(); c++) {
                if (!seconds && (c == 16 || c == 17 || c == 18)) {
                    continue;
                }
                char k = shape.charAt(c);
                s.append(k == 'd' ? (char) ('0' + (random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(10)))
                        : k == '+' ? "+-x".charAt(random.nextInt(3)) : k);
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            assertThat(FeedDates.parse(s)).as("date [%s]", s).isEqualTo(FeedDates.parseWithFormatters(s));
        }
        assertThat(FeedDates.parse("2026-10-08T19:59+09:00").orElseThrow().toString())
                .isEqualTo("2026-10-08T19:59+09:00");
    }

    private static String digits(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
