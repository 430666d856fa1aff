package dev.shirase.deliver;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;

/**
 * Pebble escaping for Slack mrkdwn inside a JSON string: Slack's own rule (only {@code & < >} become
 * entities) so that no feed text can form {@code <!channel>}, {@code <@U…>} or {@code <url|label>}, then JSON
 * string escaping because the Slack templates produce Block Kit JSON.
 */
public final class SlackMrkdwnEscaping implements EscapingStrategy {
    public static final String NAME = "slack";

    @Override
    public String escape(String input) {
        return JsonEscaping.json(mrkdwn(input));
    }

    /** Slack's escaping of {@code & < >}; nothing else is touched. */
    public static String mrkdwn(String input) {
        return input.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
