package dev.shirase.config;

import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The sources of feeds.yaml, validated: unique ids, known types, http(s) or file URLs. */
public record FeedsConfig(List<FeedSource> sources) {
    private static final Set<String> SOURCE_KEYS = Set.of("id", "type", "url", "interval", "enabled");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9-]+");
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public FeedsConfig {
        sources = List.copyOf(sources);
    }

    public static FeedsConfig load(Path file) {
        YamlNode root = YamlNode.read(file).requireOnlyKeys(Set.of("sources"));
        YamlNode list = root.require("sources");
        List<FeedSource> sources = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode item : list.items()) {
            item.requireOnlyKeys(SOURCE_KEYS);
            YamlNode idNode = item.require("id");
            String id = idNode.asText().trim();
            if (!ID.matcher(id).matches()) {
                throw idNode.error("id \"" + id + "\" must use only a-z, 0-9 and -");
            }
            Integer previous = seen.putIfAbsent(id, idNode.line());
            if (previous != null) {
                throw idNode.error("duplicate id \"" + id + "\" (first defined on line " + previous + ")");
            }
            YamlNode typeNode = item.require("type");
            FeedType type = FeedType.fromKey(typeNode.asText()).orElseThrow(() -> typeNode.error(
                    "unknown type \"" + typeNode.asText() + "\" (expected one of "
                            + Arrays.stream(FeedType.values()).map(FeedType::key).collect(Collectors.joining(", ")) + ")"));
            YamlNode urlNode = item.require("url");
            URI url = parseUrl(urlNode);
            Duration interval = item.get("interval").map(YamlNode::asDuration).orElse(FeedSource.DEFAULT_INTERVAL);
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw item.require("interval").error("interval must be at least 1m: be polite to the publishers");
            }
            boolean enabled = item.get("enabled").map(YamlNode::asBoolean).orElse(true);
            sources.add(new FeedSource(id, type, url, interval, enabled));
        }
        return new FeedsConfig(sources);
    }

    private static URI parseUrl(YamlNode node) {
        String text = node.asText().trim();
        try {
            URI uri = new URI(text.replace("{", "%7B").replace("}", "%7D"));
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            boolean file = scheme.equals("file") && uri.getPath() != null;
            if (!web && !file) {
                throw node.error("url \"" + text + "\" must be http(s):// with a host, or file://");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw node.error("url \"" + text + "\" is not a valid URL: " + e.getReason());
        }
    }

    public Optional<FeedSource> byId(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<FeedSource> enabled() {
        return sources.stream().filter(FeedSource::enabled).toList();
    }
}
