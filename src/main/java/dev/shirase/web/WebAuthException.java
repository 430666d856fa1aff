package dev.shirase.web;

/** A request that lacks the identity or token it needs: answered with {@link #status()} and a plain message. */
public final class WebAuthException extends RuntimeException {
    private final int status;

    public WebAuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
