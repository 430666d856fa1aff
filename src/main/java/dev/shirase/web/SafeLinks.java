package dev.shirase.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Links out of the archive: only absolute http(s) URLs with a host; anything else (javascript:, data:, …) is dropped. */
public final class SafeLinks {

    private SafeLinks() {
    }

    /** The URL when it is an absolute http(s) URL with a host, else empty. */
    public static Optional<String> http(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        // Control characters and whitespace inside a URL are a classic way to smuggle "java\tscript:".
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? Optional.of(trimmed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The URL or "" (templates render a link only when it is not empty). */
    public static String httpOrEmpty(String url) {
        return http(url).orElse("");
    }
}
