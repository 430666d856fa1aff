package dev.shirase.source;

import java.io.InputStream;

/**
 * Parses one fetched document of one {@link FeedType} into canonical advisories.
 * Implementations live in a sub-package per format and never touch the network, store or index.
 */
public interface FeedParser {

    /**
     * @param body        the (already decompressed, size-capped) response body
     * @param contentType the Content-Type header, or "" (used for the charset label where relevant)
     * @param source      the configured source; its id goes into {@code Advisory.source}
     * @throws FeedParseException with a message a person can act on, for any malformed or hostile input
     */
    ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException;
}
