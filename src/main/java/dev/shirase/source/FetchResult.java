package dev.shirase.source;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one {@link Fetcher#fetch}: a new body, "unchanged", or a failure with a reason for people. */
public sealed interface FetchResult {

    /**
     * A new body (already decompressed if the server used Content-Encoding gzip; never larger than the cap).
     * The array is handed over, not copied: do not modify it.
     *
     * @param contentType the Content-Type header, or "" when absent
     * @param finalUrl    the URL after redirects (may contain query secrets: do not log it, use {@link UrlRedactor})
     */
    record Fetched(byte[] body, String contentType, Optional<String> etag, Optional<String> lastModified, URI finalUrl)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(finalUrl, "finalUrl");
            contentType = contentType == null ? "" : contentType;
            etag = etag == null ? Optional.empty() : etag;
            lastModified = lastModified == null ? Optional.empty() : lastModified;
        }

        @Override
        public String toString() {
            return "Fetched[" + body.length + " bytes, " + contentType + ", " + UrlRedactor.redact(finalUrl) + "]";
        }
    }

    /** 304 Not Modified (or an unchanged file): nothing to parse. */
    record NotModified() implements FetchResult {
    }

    /**
     * The fetch failed. The reason is safe to show and log (secrets redacted).
     *
     * @param retryAfter the server's Retry-After (429/503), if it sent one
     * @param permanent  true when retrying soon cannot help (404, 403, unsupported URL …): back off fully
     */
    record Failed(String reason, Optional<Duration> retryAfter, boolean permanent) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        }

        static Failed transientFailure(String reason) {
            return new Failed(reason, Optional.empty(), false);
        }

        static Failed permanentFailure(String reason) {
            return new Failed(reason, Optional.empty(), true);
        }
    }
}
