package dev.shirase.deliver;

import dev.shirase.digest.Digest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a digest into the outbox for every channel of its audience, rendered in each channel's language.
 * Channels that already have the digest (a re-run) are skipped without rendering again.
 */
public final class DigestDispatcher {
    private final DigestRenderer renderer;
    private final Outbox outbox;

    public DigestDispatcher(DigestRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /** Returns the number of new outbox rows. */
    public int enqueue(Digest digest, List<ChannelConfig> channels, Instant now) {
        Map<Locale, RenderedMessage> rendered = new HashMap<>();
        int added = 0;
        for (ChannelConfig channel : channels) {
            if (channel.audience() != digest.audience() || outbox.contains(digest.key(), channel.name())) {
                continue;
            }
            RenderedMessage message = rendered.computeIfAbsent(channel.locale(), l -> renderer.render(digest.withLocale(l)));
            if (outbox.enqueue(message, channel.name(), now)) {
                added++;
            }
        }
        return added;
    }
}
