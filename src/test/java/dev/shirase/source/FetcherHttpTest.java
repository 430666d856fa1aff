package dev.shirase.source;

import static dev.shirase.source.LocalHttpServer.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.source.FetchResult.Failed;
import dev.shirase.source.FetchResult.Fetched;
import dev.shirase.source.FetchResult.NotModified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherHttpTest {
    private static final byte[] FEED = "<?xml version=\"1.0\"?><rss><channel><title>テスト</title></channel></rss>"
            .getBytes(UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private LocalHttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Fetcher fetcher = new Fetcher(FetcherConfig.defaults());

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private static FeedSource source(URI url) {
        return new FeedSource("test", FeedType.RSS, url, Duration.ofHours(1), true);
    }

    private static SourceState fresh() {
        return SourceState.initial("test");
    }

    @Test
    void etagRoundTripGivesNotModified() {
        server.on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0]);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=UTF-8");
            respond(ex, 200, FEED);
        });
        FeedSource src = source(server.uri("/feed"));

        FetchResult first = fetcher.fetch(src, fresh());
        assertThat(first).isInstanceOf(Fetched.class);
        Fetched fetched = (Fetched) first;
        assertThat(fetched.body()).isEqualTo(FEED);
        assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=UTF-8");
        assertThat(fetched.etag()).contains("\"v1\"");
        assertThat(fetched.lastModified()).isEmpty();
        assertThat(fetched.finalUrl()).isEqualTo(src.url());

        SourceState after = fresh().recordSuccess(NOW, fetched.etag(), fetched.lastModified(), 1);
        assertThat(fetcher.fetch(src, after)).isEqualTo(new NotModified());

        var firstRequest = server.requests.get(0).headers();
        assertThat(firstRequest.getFirst("If-None-Match")).isNull();
        assertThat(firstRequest.getFirst("User-Agent"))
                .isEqualTo("Shirase/0.1.0 (+https://github.com/shirase; security advisory collector)");
        assertThat(firstRequest.getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(server.requests.get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void lastModifiedRoundTripGivesNotModified() {
        String date = "Wed, 25 Nov 2026 09:00:00 GMT";
        server.on("/feed", ex -> {
            if (date.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                respond(ex, 304, new byte[0]);
                return;
            }
            ex.getResponseHeaders().add("Last-Modified", date);
            respond(ex, 200, FEED);
        });
        FeedSource src = source(server.uri("/feed"));

        Fetched fetched = (Fetched) fetcher.fetch(src, fresh());
        assertThat(fetched.lastModified()).contains(date);
        assertThat(fetched.etag()).isEmpty();
        assertThat(fetched.contentType()).isEmpty();

        SourceState after = fresh().recordSuccess(NOW, fetched.etag(), fetched.lastModified(), 1);
        assertThat(fetcher.fetch(src, after)).isInstanceOf(NotModified.class);
        assertThat(server.requests.get(1).headers().getFirst("If-Modified-Since")).isEqualTo(date);
        assertThat(server.requests.get(1).headers().getFirst("If-None-Match")).isNull();
    }

    @Test
    void gzipContentEncodingIsDecoded() throws IOException {
        byte[] compressed = gzip(FEED);
        server.on("/feed", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, compressed);
        });

        Fetched fetched = (Fetched) fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(fetched.body()).isEqualTo(FEED);
    }

    @Test
    void gzipFileWithoutContentEncodingIsLeftCompressed() throws IOException {
        byte[] csvGz = gzip("cve,epss,percentile\nCVE-2024-0001,0.1,0.5\n".getBytes(UTF_8));
        server.on("/epss_scores-current.csv.gz", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/gzip");
            respond(ex, 200, csvGz);
        });

        Fetched fetched = (Fetched) fetcher.fetch(source(server.uri("/epss_scores-current.csv.gz")), fresh());

        assertThat(fetched.body()).isEqualTo(csvGz);
        assertThat(fetched.body()[0] & 0xff).isEqualTo(0x1f);
        assertThat(fetched.body()[1] & 0xff).isEqualTo(0x8b);
    }

    @Test
    void corruptGzipIsAFailure() {
        server.on("/feed", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, FEED); // claims gzip, is not
        });

        Failed failed = (Failed) fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(failed.reason()).startsWith("corrupt gzip body from 127.0.0.1: ");
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void unknownContentEncodingIsRefused() {
        server.on("/feed", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "br");
            respond(ex, 200, FEED);
        });

        Failed failed = (Failed) fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(failed.reason()).isEqualTo("unsupported Content-Encoding 'br' from 127.0.0.1");
    }

    @Test
    void gzipBombFailsAtTheDecompressedCap() throws IOException {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024); // small on the wire, 50 MB inflated
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, bomb);
        });
        Fetcher small = new Fetcher(FetcherConfig.defaults().withMaxBodyBytes(1024 * 1024));

        FetchResult result = small.fetch(source(server.uri("/bomb")), fresh());

        assertThat(result).isEqualTo(new Failed("response larger than 1 MB after decompression from 127.0.0.1",
                Optional.empty(), false));
    }

    @Test
    void oversizeBodyWithContentLengthFailsBeforeReading() {
        byte[] big = new byte[2 * 1024 * 1024];
        server.on("/big", ex -> respond(ex, 200, big));
        Fetcher small = new Fetcher(FetcherConfig.defaults().withMaxBodyBytes(1024 * 1024));

        Failed failed = (Failed) small.fetch(source(server.uri("/big")), fresh());

        assertThat(failed.reason())
                .isEqualTo("response larger than 1 MB (Content-Length 2097152) from 127.0.0.1");
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void oversizeChunkedBodyFailsAtTheCap() {
        server.on("/stream", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 40; i++) { // 2.5 MB
                    out.write(chunk);
                }
            }
        });
        Fetcher small = new Fetcher(FetcherConfig.defaults().withMaxBodyBytes(1024 * 1024));

        Failed failed = (Failed) small.fetch(source(server.uri("/stream")), fresh());

        assertThat(failed.reason()).isEqualTo("response larger than 1 MB from 127.0.0.1");
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        byte[] exact = new byte[1024 * 1024];
        exact[exact.length - 1] = 42;
        server.on("/exact", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(exact);
            }
        });
        Fetcher small = new Fetcher(FetcherConfig.defaults().withMaxBodyBytes(1024 * 1024));

        Fetched fetched = (Fetched) small.fetch(source(server.uri("/exact")), fresh());

        assertThat(fetched.body()).hasSize(1024 * 1024);
        assertThat(fetched.body()[exact.length - 1]).isEqualTo((byte) 42);
    }

    @Test
    void redirectIsFollowedAndFinalUrlReported() {
        server.on("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/new/feed.rdf");
            respond(ex, 301, new byte[0]);
        });
        server.on("/new", ex -> {
            ex.getResponseHeaders().add("ETag", "\"n\"");
            respond(ex, 200, FEED);
        });

        Fetched fetched = (Fetched) fetcher.fetch(source(server.uri("/old")), fresh());

        assertThat(fetched.body()).isEqualTo(FEED);
        assertThat(fetched.finalUrl()).isEqualTo(server.uri("/new/feed.rdf"));
        assertThat(fetched.etag()).contains("\"n\"");
        assertThat(server.requests).extracting(LocalHttpServer.Seen::pathAndQuery)
                .containsExactly("/old", "/new/feed.rdf");
    }

    @Test
    void redirectLoopIsReportedWithoutLeakingTheToken() {
        server.on("/a", ex -> {
            ex.getResponseHeaders().add("Location", "/b?token=s3cr3t");
            respond(ex, 302, new byte[0]);
        });
        server.on("/b", ex -> {
            ex.getResponseHeaders().add("Location", "/a?token=s3cr3t");
            respond(ex, 302, new byte[0]);
        });

        Failed failed = (Failed) fetcher.fetch(source(server.uri("/a?token=s3cr3t")), fresh());

        assertThat(failed.reason()).isEqualTo("redirect loop at " + server.uri("/a?token=REDACTED"));
        assertThat(failed.reason()).doesNotContain("s3cr3t");
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void tooManyRedirectsStopsAtTheLimit() {
        server.on("/hop/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/hop/".length()));
            ex.getResponseHeaders().add("Location", "/hop/" + (n + 1));
            respond(ex, 307, new byte[0]);
        });

        Failed failed = (Failed) fetcher.fetch(source(server.uri("/hop/0")), fresh());

        assertThat(failed.reason()).isEqualTo("too many redirects (more than 5) starting at " + server.uri("/hop/0"));
        assertThat(server.requests).hasSize(6); // the original request plus 5 followed redirects
    }

    @Test
    void redirectToFileUrlIsRefused() {
        server.on("/evil", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            respond(ex, 302, new byte[0]);
        });

        Failed failed = (Failed) fetcher.fetch(source(server.uri("/evil")), fresh());

        assertThat(failed.reason()).isEqualTo("redirect from 127.0.0.1 to unsupported scheme 'file' refused");
        assertThat(failed.permanent()).isTrue();
    }

    @Test
    void serverErrorIsTransientFailure() {
        server.on("/feed", ex -> respond(ex, 500, "oops".getBytes(UTF_8)));

        FetchResult result = fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(result).isEqualTo(new Failed("HTTP 500 from 127.0.0.1", Optional.empty(), false));
    }

    @Test
    void notFoundIsPermanentFailure() {
        server.on("/feed", ex -> respond(ex, 404, new byte[0]));

        FetchResult result = fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(result).isEqualTo(new Failed("HTTP 404 from 127.0.0.1", Optional.empty(), true));
    }

    @Test
    void tooManyRequestsWithRetryAfterSeconds() {
        server.on("/feed", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            respond(ex, 429, new byte[0]);
        });

        FetchResult result = fetcher.fetch(source(server.uri("/feed")), fresh());

        assertThat(result).isEqualTo(new Failed("HTTP 429 from 127.0.0.1 (retry after 120 s)",
                Optional.of(Duration.ofSeconds(120)), false));
    }

    @Test
    void unavailableWithRetryAfterHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
        server.on("/feed", ex -> {
            ex.getResponseHeaders().add("Retry-After", date);
            respond(ex, 503, new byte[0]);
        });
        Fetcher withClock = new Fetcher(FetcherConfig.defaults(), Clock.fixed(now, ZoneOffset.UTC));

        Failed failed = (Failed) withClock.fetch(source(server.uri("/feed")), fresh());

        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(failed.reason()).isEqualTo("HTTP 503 from 127.0.0.1 (retry after 90 s)");
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.on("/slow", ex -> {
            awaitRelease();
            respond(ex, 200, FEED);
        });
        Fetcher impatient = new Fetcher(FetcherConfig.defaults().withTotalTimeout(Duration.ofMillis(300)));

        Failed failed = (Failed) impatient.fetch(source(server.uri("/slow")), fresh());

        assertThat(failed.reason()).isEqualTo("no response from 127.0.0.1 within 300 ms");
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void bodyThatStallsTimesOut() {
        server.on("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(FEED);
            out.flush();
            awaitRelease();
        });
        Fetcher impatient = new Fetcher(FetcherConfig.defaults().withTotalTimeout(Duration.ofSeconds(1)));

        Failed failed = (Failed) impatient.fetch(source(server.uri("/trickle")), fresh());

        assertThat(failed.reason()).isEqualTo("no complete response from 127.0.0.1 within 1 s");
    }

    @Test
    void refusedConnectionIsAFailureNotAnException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Failed failed = (Failed) fetcher.fetch(
                source(URI.create("http://127.0.0.1:" + port + "/feed?api_key=hunter2")), fresh());

        assertThat(failed.reason()).isEqualTo("connection refused by 127.0.0.1:" + port);
        assertThat(failed.reason()).doesNotContain("hunter2");
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void unsupportedSchemeIsPermanent() {
        Failed failed = (Failed) fetcher.fetch(source(URI.create("ftp://example.org/feed?key=abc")), fresh());

        assertThat(failed.reason())
                .isEqualTo("unsupported URL scheme 'ftp' in ftp://example.org/feed?key=REDACTED (only http, https and file)");
        assertThat(failed.permanent()).isTrue();
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}
