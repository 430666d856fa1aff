package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.shirase.source.epss.EpssParser;
import dev.shirase.source.icat.IcatParser;
import dev.shirase.source.jc3.Jc3Parser;
import dev.shirase.source.kev.KevParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every non-XML parser, fed cut-off and corrupted copies of its real sample (and random bytes): it either parses or
 * throws {@link FeedParseException} naming the source; nothing unchecked escapes.
 */
class NonXmlParsersHostileInputTest {

    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of(new IcatParser(), FeedType.ICAT, "/fixtures/feeds/icat-json-sample.json"),
                Arguments.of(new KevParser(), FeedType.KEV, "/fixtures/feeds/cisa-kev-sample.json"),
                Arguments.of(new EpssParser(), FeedType.EPSS, "/fixtures/feeds/epss-scores-sample.csv"),
                Arguments.of(new Jc3Parser(), FeedType.JC3, "/demo/feeds/jc3-top-synthetic.html"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("parsers")
    void cutAndCorruptedCopiesNeverEscapeAsUncheckedExceptions(FeedParser parser, FeedType type, String fixture)
            throws IOException {
        byte[] real;
        try (InputStream in = NonXmlParsersHostileInputTest.class.getResourceAsStream(fixture)) {
            real = in.readAllBytes();
        }
        FeedSource source = new FeedSource("hostile-" + type.key(), type, URI.create("https://example.org/"), null, true);
        Random random = new Random(20261125L);
        int failures = 0;
        for (int round = 0; round < 30; round++) {
            byte[] body = switch (round % 3) {
                case 0 -> Arrays.copyOf(real, random.nextInt(real.length));
                case 1 -> corrupt(real, random);
                default -> randomBytes(random);
            };
            Throwable thrown = catchThrowable(() -> parser.parse(new ByteArrayInputStream(body), "", source));
            if (thrown != null) {
                assertThat(thrown).as("round %d", round).isInstanceOf(FeedParseException.class);
                assertThat(thrown.getMessage()).startsWith("hostile-" + type.key() + ": ");
                failures++;
            }
        }
        // Random bytes (a third of the rounds) must always be rejected.
        assertThat(failures).isGreaterThanOrEqualTo(10);
    }

    private static byte[] corrupt(byte[] real, Random random) {
        byte[] copy = real.clone();
        for (int i = 0; i < 1 + copy.length / 200; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }
}
