package dev.shirase.source.epss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.EpssScore;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpssParserTest {

    private static final FeedSource SOURCE = new FeedSource("epss", FeedType.EPSS,
            URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz"), null, true);
    /** 2026-10-01 20:00 UTC is already 2026-10-02 in Tokyo: the fallback date must be Tokyo's. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T20:00:00Z"), ZoneOffset.UTC);

    private static byte[] real;

    private final EpssParser parser = new EpssParser(CLOCK);

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = EpssParserTest.class.getResourceAsStream("/fixtures/feeds/epss-scores-sample.csv")) {
            real = in.readAllBytes();
        }
    }

    @Test
    void readsTheRealSampleRowByRow() throws Exception {
        ParsedFeed feed = parse(real);

        List<EpssScore> scores = feed.epss();
        assertThat(scores).hasSize(98);
        assertThat(feed.totalResults()).isEqualTo(98);
        assertThat(feed.advisories()).isEmpty();
        assertThat(feed.kev()).isEmpty();
        LocalDate scored = LocalDate.of(2026, 9, 29);
        assertThat(scores.get(0)).isEqualTo(new EpssScore("CVE-1999-0001", 0.03351, 0.88255, scored));
        assertThat(scores.get(48)).isEqualTo(new EpssScore("CVE-1999-0050", 0.01237, 0.67892, scored));
        assertThat(scores.get(49)).isEqualTo(new EpssScore("CVE-2026-9872", 0.00396, 0.31196, scored));
        assertThat(scores.get(97)).isEqualTo(new EpssScore("CVE-2026-9999", 0.00408, 0.32517, scored));
        assertThat(scores).allMatch(s -> s.scoreDate().equals(scored) && s.score() >= 0 && s.score() <= 1
                && s.percentile() >= 0 && s.percentile() <= 1);
    }

    @Test
    void gzipCompressedCopyGivesTheSameScores() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(real);
        }
        assertThat(gz.toByteArray()[0]).isEqualTo((byte) 0x1f);
        assertThat(parse(gz.toByteArray()).epss()).isEqualTo(parse(real).epss());

        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("epss: truncated gzip data");
        byte[] corrupt = gz.toByteArray().clone();
        Arrays.fill(corrupt, 10, 40, (byte) 0x55);
        assertThatThrownBy(() -> parse(corrupt)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("epss: corrupt gzip data");
    }

    @Test
    void withoutCommentLineTheScoreDateIsTodayInTokyo() throws Exception {
        String csv = "cve,epss,percentile\r\nCVE-2024-3094,0.84,0.99\r\nCVE-2021-44228,0.97565,1.0\r\n";
        assertThat(parse(csv).epss()).containsExactly(
                new EpssScore("CVE-2024-3094", 0.84, 0.99, LocalDate.of(2026, 10, 2)),
                new EpssScore("CVE-2021-44228", 0.97565, 1.0, LocalDate.of(2026, 10, 2)));
    }

    @Test
    void olderCommentFormatAndExtraColumnsAreAccepted() throws Exception {
        String csv = "\uFEFF#model_version:v2022.01.01,score_date:2022-03-05T00:00:00+0000\n"
                + "cve,epss,percentile,extra\nCVE-2022-0001,4.3e-05,0.0012,x\n";
        assertThat(parse(csv).epss()).containsExactly(
                new EpssScore("CVE-2022-0001", 0.000043, 0.0012, LocalDate.of(2022, 3, 5)));
    }

    @Test
    void decimalsAreReadExactlyAsParseDoubleWould() {
        for (String number : List.of("0.03351", "0.88255", "1", "1.0", "0", "0.00000", "0.99999", "0.1", "0.3",
                "0.123456789012345", "0.5000000000000000001")) {
            String line = "CVE-2024-0001," + number + ",0.5";
            assertThat(EpssCsvReader.probability(line, 14, 14 + number.length()))
                    .as(number).isEqualTo(Double.parseDouble(number));
        }
        for (String bad : List.of("", ".", "-0.1", "1.5", "NaN", "abc", "0.1.2", "Infinity")) {
            String line = "CVE-2024-0001," + bad + ",0.5";
            assertThat(EpssCsvReader.probability(line, 14, 14 + bad.length())).as(bad).isNaN();
        }
    }

    @Test
    void aFewMalformedRowsAreSkippedTooManyFail() throws Exception {
        StringBuilder csv = new StringBuilder("cve,epss,percentile\n");
        for (int i = 0; i < 100; i++) {
            csv.append("CVE-2024-").append(10000 + i).append(",0.1,0.2\n");
        }
        csv.append("CVE-2024-X,0.1,0.2\n");
        ParsedFeed feed = parse(csv.toString());
        assertThat(feed.epss()).hasSize(100);
        assertThat(feed.epss()).noneMatch(s -> s.cve().equals("CVE-2024-X"));

        String many = "cve,epss,percentile\nCVE-2024-0001,0.1,0.2\nCVE-2024-0002,high,0.2\nCVE-2024-0003,0.1\n"
                + "cve-2024-0004,0.1,0.2\nCVE-2024-0005,0.1,0.2\n";
        assertThatThrownBy(() -> parse(many)).isInstanceOf(FeedParseException.class)
                .hasMessage("epss: 3 of 5 EPSS rows are malformed; first: \"CVE-2024-0002,high,0.2\"");
    }

    @Test
    void badInputsAreFeedParseExceptionsNamingTheSource() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(FeedParseException.class)
                .hasMessage("epss: not an EPSS score file: empty body");
        assertThatThrownBy(() -> parse("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\n"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("epss: not an EPSS score file: no header line (expected cve,epss,percentile)");
        assertThatThrownBy(() -> parse("CVE-1999-0001,0.03351,0.88255\n")).isInstanceOf(FeedParseException.class)
                .hasMessage("epss: not an EPSS score file: unexpected header \"CVE-1999-0001,0.03351,0.88255\""
                        + " (expected cve,epss,percentile)");
        assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html><body>404 Not Found</body></html>\n"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("epss: not an EPSS score file: unexpected header \"<!DOCTYPE html>\"");
        assertThatThrownBy(() -> parse("cve,epss,percentile\n")).isInstanceOf(FeedParseException.class)
                .hasMessage("epss: the EPSS file holds no readable score rows");
        assertThatThrownBy(() -> parse(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 3, 4}))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("epss: not an EPSS score file: unexpected header");
        assertThatThrownBy(() -> parser.parse(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        }, "", SOURCE)).isInstanceOf(FeedParseException.class)
                .hasMessage("epss: could not read the EPSS body: connection reset");
    }

    private ParsedFeed parse(String csv) throws FeedParseException {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private ParsedFeed parse(byte[] bytes) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(bytes), "text/csv", SOURCE);
    }
}
