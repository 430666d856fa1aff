package dev.shirase.deliver;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Feed URLs are untrusted: only absolute http(s) URLs with a host pass, and characters that could
 * break out of a Slack {@code <url|label>} link or a Markdown link are percent-encoded.
 */
public final class SafeUrl {
    private SafeUrl() {
    }

    /** The URL if it is a well-formed absolute http or https URL, else empty. */
    public static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String url = raw.strip();
        if (url.isEmpty() || url.length() > 2000 || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            switch (c) {
                case '|' -> out.append("%7C");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '"' -> out.append("%22");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case ' ' -> out.append("%20");
                default -> out.append(c);
            }
        }
        try {
            URI uri = new URI(out.toString());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }
}
