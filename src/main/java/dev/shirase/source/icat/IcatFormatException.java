package dev.shirase.source.icat;

/** The icat reply could not be read; the parser prefixes the source id and rethrows as FeedParseException. */
final class IcatFormatException extends Exception {
    IcatFormatException(String message) {
        super(message);
    }

    IcatFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
