package dev.shirase.deliver.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.JsonWebhook;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Posts the rendered Block Kit messages to Slack, in order, one API call per message: {@code chat.postMessage}
 * with a bot token (Slack SDK), or an incoming webhook. A multi-part digest that fails half-way reports how
 * many parts went out, so the retry continues with the next one instead of repeating them.
 */
public final class SlackChannel implements Channel {
    /** Slack errors that a retry may cure; every other {@code ok:false} error is permanent. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final SlackSettings settings;
    private final Optional<MethodsClient> methods;
    private final Optional<JsonWebhook> webhook;

    public SlackChannel(String name, SlackSettings settings) {
        this.name = name;
        this.settings = settings;
        if (settings.token().isPresent()) {
            SlackConfig config = new SlackConfig();
            config.setStatsEnabled(false);
            config.setHttpClientReadTimeoutMillis(30_000);
            config.setHttpClientWriteTimeoutMillis(30_000);
            settings.apiUrl().ifPresent(config::setMethodsEndpointUrlPrefix);
            this.methods = Optional.of(Slack.getInstance(config).methods(settings.token().get()));
            this.webhook = Optional.empty();
        } else {
            this.methods = Optional.empty();
            this.webhook = Optional.of(new JsonWebhook(settings.webhookUrl().orElseThrow()));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
        return send(message, partsAlreadySent, n -> { });
    }

    @Override
    public DeliveryResult send(RenderedMessage message, int partsAlreadySent, IntConsumer partAccepted) {
        int total = message.slackMessages().size();
        for (int i = Math.max(0, partsAlreadySent); i < total; i++) {
            String payload = message.slackMessages().get(i);
            DeliveryResult r = methods.isPresent() ? postMessage(payload) : webhook.get().post(payload);
            if (r instanceof DeliveryResult.RetryLater retry) {
                return new DeliveryResult.RetryLater(retry.retryAfter(), part(i, total) + retry.reason(), i);
            }
            if (r instanceof DeliveryResult.Failed failed) {
                return new DeliveryResult.Failed(part(i, total) + failed.reason(), i);
            }
            if (i + 1 < total) {
                partAccepted.accept(i + 1);
            }
        }
        return new DeliveryResult.Delivered();
    }

    private static String part(int i, int total) {
        return total > 1 ? "message " + (i + 1) + "/" + total + ": " : "";
    }

    private DeliveryResult postMessage(String payload) {
        String text;
        String blocks;
        try {
            JsonNode node = JSON.readTree(payload);
            text = node.path("text").asText("");
            blocks = JSON.writeValueAsString(node.path("blocks"));
        } catch (IOException e) {
            return new DeliveryResult.Failed("unreadable Slack payload: " + e.getMessage());
        }
        try {
            ChatPostMessageResponse response = methods.get().chatPostMessage(r -> r
                    .channel(settings.channel().orElseThrow())
                    .text(text)
                    .blocksAsString(blocks)
                    .linkNames(false) // plain "@channel" in feed text must stay text
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            if (response.isOk()) {
                return new DeliveryResult.Delivered();
            }
            String error = String.valueOf(response.getError());
            return TRANSIENT.contains(error)
                    ? new DeliveryResult.RetryLater(Duration.ZERO, "slack error " + error)
                    : new DeliveryResult.Failed("slack error " + error);
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new DeliveryResult.RetryLater(
                        RetryAfter.parse(Optional.ofNullable(e.getResponse().header("Retry-After")), Instant.now()),
                        "HTTP 429 rate limited");
            }
            if (status == 408 || status >= 500) {
                return new DeliveryResult.RetryLater(Duration.ZERO, "HTTP " + status);
            }
            return new DeliveryResult.Failed("HTTP " + status);
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(Duration.ZERO, "network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
