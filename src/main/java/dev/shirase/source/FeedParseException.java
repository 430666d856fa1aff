package dev.shirase.source;

/** The document could not be read as the configured feed type; the message says why, for people. */
public class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
