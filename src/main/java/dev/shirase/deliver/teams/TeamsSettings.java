package dev.shirase.deliver.teams;

import dev.shirase.deliver.ChannelSettings;
import dev.shirase.deliver.ChannelType;
import java.util.Objects;

/** The Workflows ("Post to a channel when a webhook request is received") URL — a secret. */
public record TeamsSettings(String webhookUrl) implements ChannelSettings {
    public TeamsSettings {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        if (!webhookUrl.startsWith("https://") && !webhookUrl.startsWith("http://")) {
            throw new IllegalArgumentException("teams: webhook must be an http(s) URL");
        }
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS;
    }

    @Override
    public String toString() {
        return "TeamsSettings[webhookUrl=***]";
    }
}
