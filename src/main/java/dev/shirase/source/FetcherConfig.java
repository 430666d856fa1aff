package dev.shirase.source;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of the {@link Fetcher}.
 *
 * @param connectTimeout time to open a TCP/TLS connection
 * @param totalTimeout   whole fetch, redirects and body included
 * @param maxBodyBytes   cap on the body, counted both as received and after gunzip
 * @param maxRedirects   redirects followed before giving up
 * @param userAgent      sent on every request so feed operators can reach us
 */
public record FetcherConfig(Duration connectTimeout, Duration totalTimeout, long maxBodyBytes, int maxRedirects,
                            String userAgent) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final String DEFAULT_VERSION = "0.1.0";

    public FetcherConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive: " + totalTimeout);
        }
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and ~2 GB: " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII: " + userAgent);
        }
    }

    /** 10 s connect, 60 s total, 20 MB, 5 redirects, the Shirase user agent. */
    public static FetcherConfig defaults() {
        return new FetcherConfig(DEFAULT_CONNECT_TIMEOUT, DEFAULT_TOTAL_TIMEOUT, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_REDIRECTS, userAgent(version()));
    }

    /** {@code Shirase/<version> (+https://github.com/shirase; security advisory collector)}. */
    public static String userAgent(String version) {
        return "Shirase/" + version + " (+https://github.com/shirase; security advisory collector)";
    }

    /** The jar's Implementation-Version, or {@value #DEFAULT_VERSION} when run from classes. */
    static String version() {
        String v = FetcherConfig.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? DEFAULT_VERSION : v;
    }

    public FetcherConfig withConnectTimeout(Duration timeout) {
        return new FetcherConfig(timeout, totalTimeout, maxBodyBytes, maxRedirects, userAgent);
    }

    public FetcherConfig withTotalTimeout(Duration timeout) {
        return new FetcherConfig(connectTimeout, timeout, maxBodyBytes, maxRedirects, userAgent);
    }

    public FetcherConfig withMaxBodyBytes(long bytes) {
        return new FetcherConfig(connectTimeout, totalTimeout, bytes, maxRedirects, userAgent);
    }

    public FetcherConfig withMaxRedirects(int redirects) {
        return new FetcherConfig(connectTimeout, totalTimeout, maxBodyBytes, redirects, userAgent);
    }

    public FetcherConfig withUserAgent(String agent) {
        return new FetcherConfig(connectTimeout, totalTimeout, maxBodyBytes, maxRedirects, agent);
    }
}
