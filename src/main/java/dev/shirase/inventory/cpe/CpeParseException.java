package dev.shirase.inventory.cpe;

/** A CPE string that cannot be read. */
public class CpeParseException extends IllegalArgumentException {
    public CpeParseException(String message) {
        super(message);
    }
}
