package dev.shirase.deliver;

/**
 * Type-specific settings of a channel, with secrets already resolved from the environment by the caller.
 * Implementations redact secrets in {@code toString()}.
 */
public interface ChannelSettings {
    ChannelType type();
}
