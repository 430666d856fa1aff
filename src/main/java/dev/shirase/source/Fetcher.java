package dev.shirase.source;

import dev.shirase.source.FetchResult.Failed;
import dev.shirase.source.FetchResult.Fetched;
import dev.shirase.source.FetchResult.NotModified;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one source politely: conditional GET, gzip, a size cap that also bounds decompression,
 * a total timeout that covers redirects and body, http(s)-only redirects, and {@code file://} for
 * offline use. Never throws for network or server problems: everything becomes a {@link FetchResult}.
 * Thread-safe; one instance serves all sources.
 */
public final class Fetcher {
    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    private static final String ACCEPT = "application/rss+xml, application/rdf+xml, application/atom+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.9, text/csv;q=0.8, text/html;q=0.7, "
            + "*/*;q=0.5";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** 4xx codes that may heal by themselves; every other 4xx needs a config change. */
    private static final Set<Integer> TRANSIENT_4XX = Set.of(408, 425, 429);
    private static final Map<String, String> FILE_TYPES = Map.of(
            "rdf", "application/rdf+xml", "xml", "application/xml", "atom", "application/atom+xml",
            "json", "application/json", "csv", "text/csv", "gz", "application/gzip",
            "html", "text/html", "htm", "text/html");

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shirase-fetch-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final FetcherConfig config;
    private final Clock clock;
    private final HttpClient client;

    public Fetcher(FetcherConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock used only to turn a Retry-After HTTP-date into a duration */
    public Fetcher(FetcherConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Redirects by hand: to count them, refuse non-http(s) targets and report loops clearly.
        // HTTP/1.1: feeds gain nothing from h2, and h2c upgrade headers on plain http confuse some servers.
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public FetcherConfig config() {
        return config;
    }

    /**
     * Fetches the source's URL, conditionally on {@code previous}'s validators.
     *
     * @return {@link Fetched}, {@link NotModified} or {@link Failed}; never throws for I/O problems
     */
    public FetchResult fetch(FeedSource source, SourceState previous) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(previous, "previous");
        URI url = source.url();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        FetchResult result;
        try {
            result = switch (scheme) {
                case "http", "https" -> fetchHttp(url, previous);
                case "file" -> fetchFile(url, previous);
                default -> Failed.permanentFailure("unsupported URL scheme '" + scheme + "' in "
                        + UrlRedactor.redact(url) + " (only http, https and file)");
            };
        } catch (RuntimeException e) {
            // A malformed header or a JDK surprise must mark the source unhealthy, not kill the poll job.
            log.warn("{}: unexpected error fetching {}", source.id(), UrlRedactor.redact(url), e);
            result = Failed.transientFailure("unexpected error fetching " + UrlRedactor.redact(url) + ": "
                    + describe(e));
        }
        if (log.isDebugEnabled()) {
            log.debug("{} {}: {}", source.id(), UrlRedactor.redact(url), result);
        }
        return result;
    }

    // ---------------------------------------------------------------- HTTP

    private FetchResult fetchHttp(URI start, SourceState previous) {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        Set<URI> seen = new HashSet<>();
        URI current = start;
        for (int redirects = 0; ; redirects++) {
            if (!seen.add(current.normalize())) {
                return Failed.transientFailure("redirect loop at " + UrlRedactor.redact(current));
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Failed.transientFailure(totalTimeoutReason(current));
            }
            HttpRequest request;
            try {
                request = request(current, previous, Duration.ofNanos(remaining));
            } catch (IllegalArgumentException e) {
                return Failed.permanentFailure("invalid URL " + UrlRedactor.redact(current) + ": "
                        + UrlRedactor.redactText(e.getMessage()));
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Failed.transientFailure("interrupted while fetching " + UrlRedactor.redact(current));
            } catch (IOException | RuntimeException e) {
                return Failed.transientFailure(networkReason(current, e));
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                closeQuietly(response.body());
                Optional<String> location = response.headers().firstValue("location");
                if (location.isEmpty()) {
                    return Failed.transientFailure("HTTP " + status + " from " + host(current) + " without Location");
                }
                if (redirects >= config.maxRedirects()) {
                    return Failed.transientFailure("too many redirects (more than " + config.maxRedirects()
                            + ") starting at " + UrlRedactor.redact(start));
                }
                URI next;
                try {
                    next = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return Failed.transientFailure("invalid redirect Location from " + host(current) + ": "
                            + UrlRedactor.redactText(location.get()));
                }
                String nextScheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
                if (!nextScheme.equals("http") && !nextScheme.equals("https")) {
                    return Failed.permanentFailure("redirect from " + host(current) + " to unsupported scheme '"
                            + nextScheme + "' refused");
                }
                current = next;
                continue;
            }
            return handleFinal(current, response, deadline);
        }
    }

    private HttpRequest request(URI url, SourceState previous, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .GET()
                .timeout(timeout)
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        // Validators come from a server; a malformed one must not break the fetch, so it is just not sent.
        previous.etag().filter(Fetcher::headerSafe).ifPresent(v -> b.header("If-None-Match", v));
        previous.lastModified().filter(Fetcher::headerSafe).ifPresent(v -> b.header("If-Modified-Since", v));
        return b.build();
    }

    private FetchResult handleFinal(URI url, HttpResponse<InputStream> response, long deadline) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status == 304) {
            closeQuietly(response.body());
            return new NotModified();
        }
        if (status < 200 || status > 299) {
            closeQuietly(response.body());
            Optional<Duration> retryAfter = headers.firstValue("retry-after")
                    .flatMap(v -> RetryAfter.parse(v, clock.instant()));
            String reason = "HTTP " + status + " from " + host(url)
                    + retryAfter.map(d -> " (retry after " + d.toSeconds() + " s)").orElse("");
            boolean permanent = status >= 400 && status < 500 && !TRANSIENT_4XX.contains(status);
            return new Failed(reason, retryAfter, permanent);
        }
        long declared = headers.firstValueAsLong("content-length").orElse(-1L);
        if (declared > config.maxBodyBytes()) {
            closeQuietly(response.body());
            return Failed.transientFailure("response larger than " + BoundedBody.humanSize(config.maxBodyBytes())
                    + " (Content-Length " + declared + ") from " + host(url));
        }
        String encoding = headers.firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip");
        if (!gzip && !encoding.equals("identity") && !encoding.isEmpty()) {
            closeQuietly(response.body());
            return Failed.transientFailure("unsupported Content-Encoding '" + encoding + "' from " + host(url));
        }
        byte[] body;
        InputStream wire = response.body();
        AtomicBoolean timedOut = new AtomicBoolean();
        // HttpClient's request timeout stops at the headers; the watchdog bounds the body too.
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            closeQuietly(wire);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream capped = BoundedBody.capped(wire, config.maxBodyBytes())) {
            body = gzip && declared != 0
                    ? BoundedBody.readAll(new GZIPInputStream(capped, 64 * 1024), config.maxBodyBytes(), true)
                    : BoundedBody.readAll(capped, config.maxBodyBytes(), false);
        } catch (BoundedBody.TooLargeException e) {
            return Failed.transientFailure(e.getMessage() + " from " + host(url));
        } catch (ZipException | EOFException e) {
            if (timedOut.get()) {
                return Failed.transientFailure(totalTimeoutReason(url));
            }
            return Failed.transientFailure("corrupt gzip body from " + host(url) + ": "
                    + (e instanceof EOFException ? "unexpected end of data" : e.getMessage()));
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                return Failed.transientFailure(totalTimeoutReason(url));
            }
            return Failed.transientFailure("error reading the response from " + host(url) + ": "
                    + describe(e));
        } finally {
            watchdog.cancel(false);
        }
        if (timedOut.get()) {
            // The watchdog fired just as the body ended; a truncated body is worse than a retry.
            return Failed.transientFailure(totalTimeoutReason(url));
        }
        return new Fetched(body, headers.firstValue("content-type").orElse(""), headers.firstValue("etag"),
                headers.firstValue("last-modified"), url);
    }

    private String networkReason(URI url, Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection to " + hostPort(url) + " timed out after "
                    + seconds(config.connectTimeout());
        }
        if (e instanceof HttpTimeoutException) {
            return "no response from " + host(url) + " within " + seconds(config.totalTimeout());
        }
        Throwable root = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            root = c;
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "cannot resolve host " + host(url) + " (DNS lookup failed)";
            }
            if (c instanceof NoRouteToHostException) {
                return "no route to " + hostPort(url);
            }
            if (c instanceof SSLException) {
                return "TLS error with " + host(url) + ": " + describe(c);
            }
        }
        if (e instanceof ConnectException || root instanceof ConnectException) {
            return "connection refused by " + hostPort(url);
        }
        return "network error with " + host(url) + ": " + describe(e);
    }

    private String totalTimeoutReason(URI url) {
        return "no complete response from " + host(url) + " within " + seconds(config.totalTimeout());
    }

    // ---------------------------------------------------------------- file://

    private FetchResult fetchFile(URI url, SourceState previous) {
        Path path;
        try {
            path = Path.of(url);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Failed.permanentFailure("invalid file URL " + UrlRedactor.redact(url) + ": " + describe(e));
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return Failed.permanentFailure("not a regular file: " + path);
            }
            // Full-precision mtime is the Last-Modified equivalent: an untouched file is NotModified.
            String mtime = attrs.lastModifiedTime().toInstant().toString();
            if (previous.lastModified().filter(mtime::equals).isPresent()) {
                return new NotModified();
            }
            if (attrs.size() > config.maxBodyBytes()) {
                return Failed.transientFailure("file larger than " + BoundedBody.humanSize(config.maxBodyBytes())
                        + ": " + path + " (" + attrs.size() + " bytes)");
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(path)) {
                body = BoundedBody.readAll(in, config.maxBodyBytes(), false);
            }
            return new Fetched(body, contentTypeOf(path), Optional.empty(), Optional.of(mtime), url);
        } catch (NoSuchFileException e) {
            return Failed.permanentFailure("file not found: " + path);
        } catch (BoundedBody.TooLargeException e) {
            return Failed.transientFailure("file larger than " + BoundedBody.humanSize(config.maxBodyBytes())
                    + ": " + path);
        } catch (IOException | SecurityException e) {
            return Failed.transientFailure("cannot read " + path + ": " + describe(e));
        }
    }

    private static String contentTypeOf(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : FILE_TYPES.getOrDefault(name.substring(dot + 1), "");
    }

    // ---------------------------------------------------------------- helpers

    private static boolean headerSafe(String value) {
        return !value.isBlank() && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    private static String host(URI url) {
        return url.getHost() == null ? UrlRedactor.redact(url) : url.getHost();
    }

    private static String hostPort(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return host(url) + ":" + port;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return UrlRedactor.redactText(text);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing an abandoned body only releases the connection; nothing to report.
        }
    }
}
