package dev.shirase.deliver;

import dev.shirase.digest.Kind;
import java.util.List;
import java.util.Objects;

/**
 * One digest or alert rendered in every format a channel may send. This is the outbox payload: what is
 * stored is exactly what is sent, so a retry after a restart sends the same bytes.
 *
 * @param key           the stable message key (from {@code Digest.key()})
 * @param subject       e-mail subject / notification text
 * @param text          the plain-text body (e-mail text part, {@code .txt} in the file channel)
 * @param html          the HTML body (e-mail HTML part)
 * @param slackMessages one Slack payload per message ({@code {"text":…,"blocks":[…]}}), each ≤ 50 blocks
 * @param teamsCard     the Workflows webhook payload with one Adaptive Card 1.4, ≤ 28 KB
 */
public record RenderedMessage(
        String key,
        Kind kind,
        String subject,
        String text,
        String html,
        List<String> slackMessages,
        String teamsCard) {

    public RenderedMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        slackMessages = slackMessages == null ? List.of() : List.copyOf(slackMessages);
        teamsCard = teamsCard == null ? "" : teamsCard;
    }
}
