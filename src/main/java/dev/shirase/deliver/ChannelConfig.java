package dev.shirase.deliver;

import dev.shirase.digest.Audience;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured channel as parsed from {@code shirase.yaml}: its name (unique, part of the outbox key),
 * the audience whose digest it receives, the language, and the type-specific settings.
 */
public record ChannelConfig(String name, Audience audience, Locale locale, ChannelSettings settings) {
    public ChannelConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("channel name must be 1..100 characters: '" + name + "'");
        }
        audience = audience == null ? Audience.ADMINS : audience;
        locale = locale == null ? Locale.JAPANESE : locale;
        Objects.requireNonNull(settings, "settings of channel " + name);
    }

    public ChannelType type() {
        return settings.type();
    }
}
