package dev.shirase.source.kev;

import java.io.IOException;

/** The document is JSON, but not shaped like the KEV catalogue. */
final class KevFormatException extends IOException {
    KevFormatException(String message) {
        super(message);
    }
}
