package dev.shirase.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.source.FetchResult.Failed;
import dev.shirase.source.FetchResult.Fetched;
import dev.shirase.source.FetchResult.NotModified;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherFileTest {
    private final Fetcher fetcher = new Fetcher(FetcherConfig.defaults());

    private static FeedSource source(Path path) {
        return new FeedSource("local", FeedType.JVNDB, path.toUri(), Duration.ofHours(1), true);
    }

    @Test
    void readsFileAndReportsUnchangedFileAsNotModified(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("jvndb.rdf");
        Files.writeString(feed, "<rdf:RDF>一</rdf:RDF>", UTF_8);
        Instant mtime = Instant.parse("2026-11-20T01:02:03.123456Z");
        Files.setLastModifiedTime(feed, FileTime.from(mtime));

        Fetched fetched = (Fetched) fetcher.fetch(source(feed), SourceState.initial("local"));
        assertThat(new String(fetched.body(), UTF_8)).isEqualTo("<rdf:RDF>一</rdf:RDF>");
        assertThat(fetched.contentType()).isEqualTo("application/rdf+xml");
        assertThat(fetched.lastModified()).contains(Files.getLastModifiedTime(feed).toInstant().toString());
        assertThat(fetched.etag()).isEmpty();
        assertThat(fetched.finalUrl()).isEqualTo(feed.toUri());

        SourceState state = SourceState.initial("local")
                .recordSuccess(Instant.now(), fetched.etag(), fetched.lastModified(), 1);
        assertThat(fetcher.fetch(source(feed), state)).isInstanceOf(NotModified.class);

        Files.writeString(feed, "<rdf:RDF>二</rdf:RDF>", UTF_8);
        Files.setLastModifiedTime(feed, FileTime.from(mtime.plusSeconds(60)));
        Fetched changed = (Fetched) fetcher.fetch(source(feed), state);
        assertThat(new String(changed.body(), UTF_8)).isEqualTo("<rdf:RDF>二</rdf:RDF>");
    }

    @Test
    void gzipFileIsReturnedAsIs(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("epss_scores-current.csv.gz");
        byte[] bytes = {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        Files.write(gz, bytes);

        Fetched fetched = (Fetched) fetcher.fetch(source(gz), SourceState.initial("local"));

        assertThat(fetched.body()).isEqualTo(bytes);
        assertThat(fetched.contentType()).isEqualTo("application/gzip");
    }

    @Test
    void missingFileIsPermanentFailure(@TempDir Path dir) {
        Path missing = dir.resolve("nope.xml");

        Failed failed = (Failed) fetcher.fetch(source(missing), SourceState.initial("local"));

        assertThat(failed.reason()).isEqualTo("file not found: " + missing);
        assertThat(failed.permanent()).isTrue();
    }

    @Test
    void fileOverTheCapFails(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[2048]);
        Fetcher small = new Fetcher(FetcherConfig.defaults().withMaxBodyBytes(1024));

        Failed failed = (Failed) small.fetch(source(big), SourceState.initial("local"));

        assertThat(failed.reason()).isEqualTo("file larger than 1 KB: " + big + " (2048 bytes)");
    }

    @Test
    void directoryIsRejected(@TempDir Path dir) {
        Failed failed = (Failed) fetcher.fetch(source(dir), SourceState.initial("local"));

        assertThat(failed.reason()).isEqualTo("not a regular file: " + dir);
        assertThat(failed.permanent()).isTrue();
    }
}
