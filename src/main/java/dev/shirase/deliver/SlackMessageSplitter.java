package dev.shirase.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces Slack's limits on the rendered Block Kit: a section text longer than 3,000 characters becomes
 * several sections (cut at a line break where possible, never inside an entity or a {@code <link>}),
 * a header longer than 150 characters is shortened, and the blocks are spread over as many messages as
 * needed with at most 50 blocks each.
 */
public final class SlackMessageSplitter {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_HEADER_TEXT = 150;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessageSplitter() {
    }

    /**
     * @param renderedJson the template output: {@code {"blocks":[…]}}
     * @param fallbackText the notification text (already mrkdwn-safe or plain)
     * @return one JSON payload per message: {@code {"text":…,"blocks":[…]}}
     */
    public static List<String> split(String renderedJson, String fallbackText) {
        JsonNode root;
        try {
            root = JSON.readTree(renderedJson);
        } catch (JsonProcessingException e) {
            throw new RenderException("Slack template did not produce valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("blocks").isArray()) {
            throw new RenderException("Slack template must produce an object with a \"blocks\" array");
        }
        List<JsonNode> blocks = new ArrayList<>();
        for (JsonNode block : root.get("blocks")) {
            blocks.addAll(fit(block));
        }
        List<List<JsonNode>> chunks = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
            chunks.add(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        String safeFallback = SlackMrkdwnEscaping.mrkdwn(fallbackText);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode msg = JSON.createObjectNode();
            msg.put("text", chunks.size() == 1 ? safeFallback : safeFallback + " (" + (i + 1) + "/" + chunks.size() + ")");
            ArrayNode arr = msg.putArray("blocks");
            chunks.get(i).forEach(arr::add);
            try {
                messages.add(JSON.writeValueAsString(msg));
            } catch (JsonProcessingException e) {
                throw new RenderException("cannot write Slack message", e);
            }
        }
        return messages;
    }

    private static List<JsonNode> fit(JsonNode block) {
        String type = block.path("type").asText();
        if (type.equals("header") && block.path("text").path("text").isTextual()) {
            String text = block.get("text").get("text").asText();
            if (text.length() > MAX_HEADER_TEXT) {
                ObjectNode copy = block.deepCopy();
                ((ObjectNode) copy.get("text")).put("text", text.substring(0, MAX_HEADER_TEXT - 1) + "…");
                return List.of(copy);
            }
            return List.of(block);
        }
        if (!type.equals("section") || !block.path("text").path("text").isTextual()) {
            return List.of(block);
        }
        String text = block.get("text").get("text").asText();
        if (text.length() <= MAX_SECTION_TEXT) {
            return List.of(block);
        }
        List<JsonNode> parts = new ArrayList<>();
        boolean first = true;
        for (String piece : pieces(text)) {
            ObjectNode copy = block.deepCopy();
            if (!first) {
                copy.remove("accessory"); // a button belongs to the first part only
                copy.remove("block_id");
            }
            ((ObjectNode) copy.get("text")).put("text", piece);
            parts.add(copy);
            first = false;
        }
        return parts;
    }

    /** Cuts {@code text} into pieces of at most {@link #MAX_SECTION_TEXT} characters. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_SECTION_TEXT) {
            int cut = safeCut(rest);
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static int safeCut(String s) {
        int limit = MAX_SECTION_TEXT;
        int cut = s.lastIndexOf('\n', limit);
        if (cut < limit / 2) {
            cut = s.lastIndexOf(' ', limit);
        }
        if (cut < limit / 2) {
            cut = limit;
        }
        // never inside an &amp; entity or a <url|label> link
        int amp = s.lastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && s.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        int open = s.lastIndexOf('<', cut - 1);
        if (open >= 0 && s.lastIndexOf('>', cut - 1) < open && open > 0) {
            cut = open;
        }
        if (Character.isLowSurrogate(s.charAt(cut)) && cut > 0) {
            cut--;
        }
        return Math.max(1, cut);
    }
}
