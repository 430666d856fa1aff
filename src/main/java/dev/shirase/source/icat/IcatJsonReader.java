package dev.shirase.source.icat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.advisory.PlainText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads icat's JSON (PHP {@code json_encode} output: escaped slashes and backslash-u escapes for all non-ASCII text,
 * which Jackson decodes) into an {@link IcatDocument}. The reply is a few kilobytes, so a tree read is fine here.
 */
final class IcatJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private IcatJsonReader() {
    }

    /**
     * @throws IcatFormatException for anything that is not an icat item list, including icat's own error reply
     */
    static IcatDocument read(InputStream body) throws IcatFormatException {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new IcatFormatException("could not read the body: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String hint = startsWithMarkup(bytes) ? "got HTML/XML instead of JSON" : "not valid JSON";
            throw new IcatFormatException(hint + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new IcatFormatException("could not read the body: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IcatFormatException("empty body");
        }
        if (!root.isObject()) {
            throw new IcatFormatException("expected a JSON object, got " + root.getNodeType());
        }
        if (root.hasNonNull("messageid")) {
            // icat's error reply: {"messageid":"IRSS-0103","message":"データの読込みに失敗しました。…"}
            throw new IcatFormatException(PlainText.of(root.get("messageid").asText()) + " "
                    + PlainText.of(text(root, "message")));
        }
        JsonNode itemdata = root.get("itemdata");
        if (itemdata == null || !itemdata.isArray()) {
            throw new IcatFormatException("no itemdata array in the reply");
        }
        List<IcatItem> items = new ArrayList<>(itemdata.size());
        for (JsonNode node : itemdata) {
            if (!node.isObject()) {
                // Not an untidy item but a different format: refuse the whole reply.
                throw new IcatFormatException("itemdata holds a " + node.getNodeType() + " where an item object belongs");
            }
            items.add(new IcatItem(text(node, "item_title"), text(node, "item_link"), text(node, "item_date"),
                    identifiers(node.get("item_identifier"))));
        }
        return new IcatDocument(items, text(root, "docDate"));
    }

    /** An array of strings (the real feed), a single string (seen in copies), objects' text values, or nothing. */
    private static List<String> identifiers(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
        } else {
            for (JsonNode child : node) {
                if (child.isValueNode()) {
                    out.add(child.asText());
                } else {
                    child.forEach(v -> {
                        if (v.isValueNode()) {
                            out.add(v.asText());
                        }
                    });
                }
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText();
    }

    private static boolean startsWithMarkup(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
