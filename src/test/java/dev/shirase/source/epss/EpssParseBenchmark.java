package dev.shirase.source.epss;

import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: times {@link EpssParser} on a synthetic full-size file (330k rows, gzip and plain).
 * Run with {@code java -cp target/classes:target/test-classes:<slf4j jars> dev.shirase.source.epss.EpssParseBenchmark}.
 */
public final class EpssParseBenchmark {

    private EpssParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 330_000;
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(rows * 32);
        csv.append("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n");
        for (int i = 0; i < rows; i++) {
            csv.append("CVE-").append(1999 + i % 28).append('-').append(String.format("%05d", i))
                    .append(String.format(",%.5f,%.5f%n", random.nextDouble() * 0.2, random.nextDouble()));
        }
        byte[] plain = csv.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        FeedSource source = new FeedSource("epss", FeedType.EPSS, URI.create("https://example.org/e.csv.gz"), null, true);
        EpssParser parser = new EpssParser();
        for (int round = 1; round <= 8; round++) {
            for (byte[] body : new byte[][] {plain, gz.toByteArray()}) {
                long start = System.nanoTime();
                int n = parser.parse(new ByteArrayInputStream(body), "", source).epss().size();
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("round %d %s (%d KB): %d rows in %d ms%n", round, body == plain ? "plain" : "gzip",
                        body.length / 1024, n, ms);
            }
        }
    }
}
