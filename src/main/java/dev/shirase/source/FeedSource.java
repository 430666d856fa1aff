package dev.shirase.source;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** One configured source from feeds.yaml. */
public record FeedSource(String id, FeedType type, URI url, Duration interval, boolean enabled) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(60);

    public FeedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        interval = interval == null ? DEFAULT_INTERVAL : interval;
    }
}
