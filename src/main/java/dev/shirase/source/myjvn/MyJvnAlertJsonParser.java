package dev.shirase.source.myjvn;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import dev.shirase.source.rss.FeedDates;
import dev.shirase.source.rss.SecItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code myjvn-alert} with {@code &ft=json}: the JSON form of getAlertList, whose keys keep the XML prefixes
 * ({@code "sec:items"}, {@code "status:Status"}). Produces the same advisories as {@link MyJvnAlertParser}.
 * Tolerates the documented quirks: {@code "update"} for {@code "updated"}, {@code sec:items} as an array of
 * {@code {"sec:item": …}} or as one object, {@code sec:cpe} as strings or {@code {"value": …}} objects.
 */
public class MyJvnAlertJsonParser implements FeedParser {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String label = source.id();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FeedParseException(label + ": not well-formed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException(label + ": cannot read the response: " + e.getMessage(), e);
        }
        try {
            JsonNode feed = root == null ? null : root.get("feed");
            if (feed == null || !feed.isObject()) {
                throw new FeedParseException(label + ": JSON without a \"feed\" object; not a MyJVN getAlertList reply");
            }
            Optional<MyJvnStatus> status = MyJvnStatus.of(feed.get("status:Status"));
            if (status.isPresent()) {
                status.get().requireSuccess(label);
            }
            List<MyJvnAlertEntry> entries = new ArrayList<>();
            for (JsonNode entry : elements(feed.get("entry"))) {
                entries.add(entry(entry));
            }
            var advisories = MyJvnAlertAdapter.toAdvisories(entries, label);
            return new ParsedFeed(advisories, List.of(), List.of(),
                    status.map(s -> s.total(advisories.size())).orElse(advisories.size()));
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedParseException(label + ": cannot map the MyJVN JSON (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static MyJvnAlertEntry entry(JsonNode e) {
        List<SecItem> items = new ArrayList<>();
        for (JsonNode holder : elements(e.get("sec:items"))) {
            JsonNode inner = holder.has("sec:item") ? holder.get("sec:item") : holder;
            for (JsonNode item : elements(inner)) {
                items.add(item(item));
            }
        }
        String updated = text(e, "updated").isEmpty() ? text(e, "update") : text(e, "updated");
        return new MyJvnAlertEntry(text(e, "id"), text(e, "title"), text(e, "summary"), link(e.get("link")),
                text(e.path("category"), "term"), FeedDates.parse(text(e, "published")), FeedDates.parse(updated),
                items);
    }

    private static SecItem item(JsonNode i) {
        List<String> cpes = new ArrayList<>();
        for (JsonNode cpe : elements(i.get("sec:cpe"))) {
            cpes.add(cpe.isObject() ? text(cpe, "value") : cpe.asText(""));
        }
        return new SecItem(text(i, "sec:title"), text(i, "sec:identifier"), text(i, "sec:summary"),
                link(i.get("sec:link")), cpes, text(i, "sec:published"), text(i, "sec:updated"));
    }

    /** A link as a string, or an object with {@code href}. */
    private static String link(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isObject() ? text(node, "href") : node.asText("");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText("");
    }

    /** An array's elements, a single object as one element, nothing for null. */
    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }
}
