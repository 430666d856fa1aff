package dev.shirase.search;

/** The search index could not be read or written (I/O failure, corrupt or locked index). */
public class SearchIndexException extends RuntimeException {
    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
