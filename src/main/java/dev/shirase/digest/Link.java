package dev.shirase.digest;

import java.util.Objects;

/**
 * A labelled link as the digest builder found it. The URL is untrusted: renderers show only
 * http(s) links (see {@code dev.shirase.deliver.SafeUrl}).
 */
public record Link(String label, String url) {
    public Link {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }
}
