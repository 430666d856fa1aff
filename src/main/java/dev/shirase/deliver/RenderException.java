package dev.shirase.deliver;

/** A template is missing or broken, or the rendered payload is not what the channel accepts. */
public class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderException(String message) {
        super(message);
    }
}
