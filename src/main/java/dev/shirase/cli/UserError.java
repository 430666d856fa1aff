package dev.shirase.cli;

/** A command was asked to do something it cannot; the message tells the user what to do instead. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
