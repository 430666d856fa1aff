package dev.shirase.source.rss;

import dev.shirase.advisory.Advisory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/** Test helpers: fixture bytes and a source for a feed type. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FeedSource source(FeedType type) {
        return new FeedSource(type.key(), type, URI.create("https://example.invalid/" + type.key()),
                Duration.ofHours(1), true);
    }

    public static ParsedFeed parse(FeedParser parser, FeedType type, byte[] body, String contentType)
            throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(body), contentType, source(type));
    }

    public static ParsedFeed parse(FeedParser parser, FeedType type, String fixture) throws FeedParseException {
        return parse(parser, type, bytes(fixture), "application/rss+xml");
    }

    public static Advisory byId(ParsedFeed feed, String id) {
        return feed.advisories().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + id + " in " + feed.advisories().stream()
                        .map(Advisory::id).toList()));
    }
}
