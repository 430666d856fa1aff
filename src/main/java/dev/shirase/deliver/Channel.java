package dev.shirase.deliver;

import java.util.function.IntConsumer;

/**
 * A place messages go to (Slack, Teams, e-mail, a folder). Implementations never throw for delivery
 * problems: they map them to a {@link DeliveryResult}, so the outbox can decide about retries.
 */
public interface Channel {

    /** The configured channel name, e.g. {@code staff-slack}; part of the outbox key. */
    String name();

    /**
     * Sends {@code message}, skipping the first {@code partsAlreadySent} parts (only Slack has more than
     * one part: one per split message). Returns when the remote side has accepted or refused it.
     */
    DeliveryResult send(RenderedMessage message, int partsAlreadySent);

    /**
     * As {@link #send(RenderedMessage, int)}, calling {@code partAccepted} with the new count of accepted
     * parts as soon as each part of a multi-part message is confirmed, so the outbox can record progress
     * before the next request (this keeps the duplicate window after a crash to one part).
     */
    default DeliveryResult send(RenderedMessage message, int partsAlreadySent, IntConsumer partAccepted) {
        return send(message, partsAlreadySent);
    }

    /** Sends the whole message. */
    default DeliveryResult send(RenderedMessage message) {
        return send(message, 0);
    }
}
