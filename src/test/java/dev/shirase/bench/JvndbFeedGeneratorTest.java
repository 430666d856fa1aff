package dev.shirase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.source.InMemoryBody;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JvndbFeedGeneratorTest {
    private final JvndbFeedGenerator generator = new JvndbFeedGenerator();

    @Test
    void theBodyReadFromBlocksIsThePageByteForByte() throws Exception {
        byte[] page = generator.page(5_000, 500);
        try (InputStream body = generator.pageBody(5_000, 500)) {
            assertThat(body).isInstanceOf(InMemoryBody.class);
            assertThat(body.readAllBytes()).isEqualTo(page);
        }
        assertThat(page.length).isGreaterThan(InMemoryBody.BLOCK * 2);
    }

    @Test
    void eachItemHasItsOwnIdAndTheDocumentIsClosed() {
        String doc = new String(generator.page(0, 3), StandardCharsets.UTF_8);
        assertThat(doc).contains("JVNDB-2026-100000").contains("JVNDB-2026-100001").contains("JVNDB-2026-100002")
                .doesNotContain("JVNDB-2026-100003").endsWith("</rdf:RDF>\n");
    }
}
