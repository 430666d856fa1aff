package dev.shirase.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.shirase.advisory.Advisory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The content hash must not change when the way the JSON is produced changes: every stored advisory would otherwise
 * look revised at its next fetch. The text written as characters must encode to exactly the bytes Jackson's UTF-8
 * generator writes (how hashes were made until the third session).
 */
class AdvisoryJsonTest {

    private static final String TRICKY = "\"引用\" \\ back\tslash\n改行\r\u0001 control \u2028 line sep ＡＢＣ ｶﾞ";
    /** Characters outside the BMP: 𠮷 (in Japanese names) and an emoji. */
    private static final String SUPPLEMENTARY = "𠮷野家 😀";

    @Test
    void charactersEncodeToTheBytesOfTheUtf8Generator() throws IOException {
        List<Advisory> advisories = new ArrayList<>();
        advisories.add(TestAdvisories.rich());
        for (int n = 0; n < 50; n++) {
            advisories.add(TestAdvisories.synthetic(n));
        }
        Advisory rich = TestAdvisories.rich();
        advisories.add(new Advisory(rich.id(), rich.source(), rich.url(), TRICKY, TRICKY + TRICKY, rich.published(),
                rich.modified(), rich.category(), rich.identifiers(), rich.cvss(), rich.products(),
                rich.references(), Optional.empty(), Optional.empty(), 1));
        advisories.add(new Advisory(rich.id(), rich.source(), rich.url(), TRICKY + SUPPLEMENTARY, TRICKY,
                rich.published(), rich.modified(), rich.category(), rich.identifiers(), rich.cvss(), rich.products(),
                rich.references(), Optional.empty(), Optional.empty(), 1));

        for (Advisory a : advisories) {
            AdvisoryJson.Encoded encoded = AdvisoryJson.encode(a);
            byte[] utf8 = writtenAsUtf8(a);
            assertThat(encoded.json().getBytes(StandardCharsets.UTF_8)).as(a.id()).isEqualTo(utf8);
            assertThat(encoded.hash()).isEqualTo(AdvisoryJson.hash(utf8));
            assertThat(AdvisoryJson.read(encoded.json(), a.source(), a.revision()).title()).isEqualTo(a.title());
        }
    }

    private static byte[] writtenAsUtf8(Advisory a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            AdvisoryJson.writeFields(g, a);
        }
        return out.toByteArray();
    }
}
