package dev.shirase.deliver.teams;

import dev.shirase.deliver.Channel;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.JsonWebhook;
import dev.shirase.deliver.RenderedMessage;

/**
 * Posts the Adaptive Card payload to a Teams Workflows webhook. Any 2xx (usually 202 with an empty body)
 * is success; 429 backs off as the server asks. The card was already fitted into 28 KB by the renderer.
 */
public final class TeamsChannel implements Channel {
    private final String name;
    private final JsonWebhook webhook;

    public TeamsChannel(String name, TeamsSettings settings) {
        this.name = name;
        this.webhook = new JsonWebhook(settings.webhookUrl());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
        if (message.teamsCard().isBlank()) {
            return new DeliveryResult.Failed("message " + message.key() + " has no Teams card");
        }
        return webhook.post(message.teamsCard());
    }
}
