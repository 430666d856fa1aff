package dev.shirase.source.epss;

import java.io.IOException;

/** The body is readable, but it is not an EPSS score file. */
final class EpssFormatException extends IOException {
    EpssFormatException(String message) {
        super(message);
    }
}
