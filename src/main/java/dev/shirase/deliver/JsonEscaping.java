package dev.shirase.deliver;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;

/**
 * Pebble escaping for text placed inside a JSON string literal (Teams cards). Also breaks Markdown
 * link syntax ({@code ](} gets a zero-width space), because Adaptive Card TextBlocks render Markdown links
 * and feed text must never become a link.
 */
public final class JsonEscaping implements EscapingStrategy {
    public static final String NAME = "json";

    @Override
    public String escape(String input) {
        return json(input.replace("](", "]\u200B("));
    }

    static String json(String input) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(input));
    }
}
