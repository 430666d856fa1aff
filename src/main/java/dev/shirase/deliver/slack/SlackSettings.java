package dev.shirase.deliver.slack;

import dev.shirase.deliver.ChannelSettings;
import dev.shirase.deliver.ChannelType;
import java.util.Optional;

/**
 * Either a bot token with a channel id ({@code chat.postMessage}; {@code apiUrl} overrides
 * {@code https://slack.com/api/}) or an incoming-webhook URL. Token and webhook are secrets.
 */
public record SlackSettings(Optional<String> token, Optional<String> channel, Optional<String> webhookUrl,
                            Optional<String> apiUrl) implements ChannelSettings {
    public SlackSettings {
        token = clean(token);
        channel = clean(channel);
        webhookUrl = clean(webhookUrl);
        apiUrl = clean(apiUrl).map(u -> u.endsWith("/") ? u : u + "/");
        if (webhookUrl.isPresent() == token.isPresent()) {
            throw new IllegalArgumentException("slack: give either token (with channel) or webhook, not both or neither");
        }
        if (token.isPresent() && channel.isEmpty()) {
            throw new IllegalArgumentException("slack: a token needs a channel");
        }
    }

    public static SlackSettings bot(String token, String channel) {
        return new SlackSettings(Optional.of(token), Optional.of(channel), Optional.empty(), Optional.empty());
    }

    public static SlackSettings bot(String token, String channel, String apiUrl) {
        return new SlackSettings(Optional.of(token), Optional.of(channel), Optional.empty(), Optional.of(apiUrl));
    }

    public static SlackSettings webhook(String url) {
        return new SlackSettings(Optional.empty(), Optional.empty(), Optional.of(url), Optional.empty());
    }

    private static Optional<String> clean(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public String toString() {
        return "SlackSettings[" + (webhookUrl.isPresent() ? "webhook=***" : "token=***, channel=" + channel.get()
                + apiUrl.map(u -> ", apiUrl=" + u).orElse("")) + "]";
    }
}
