package dev.shirase.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file, line and key path, so that every configuration error can say where it is.
 * Reading goes through SnakeYAML's node graph (not data binding) precisely to keep those positions.
 */
public final class YamlNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Node node;
    private final String file;
    private final String path;

    private YamlNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    /** Reads a whole file; an empty file is an empty mapping. */
    public static YamlNode read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name, 0, "", "file not found");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                root = new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, new ArrayList<>(), org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO);
            }
            return new YamlNode(root, name, "");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(name, line, "", "not valid YAML: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException(name, 0, "", "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
        }
    }

    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path;
    }

    public String file() {
        return file;
    }

    /** A ConfigException located at this node. */
    public ConfigException error(String problem) {
        return new ConfigException(file, line(), path, problem);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value)");
        }
        Map<String, YamlNode> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String childPath = path.isEmpty() ? key : path + "." + key;
            result.put(key, new YamlNode(tuple.getValueNode(), file, childPath));
        }
        return result;
    }

    /** Fails at the first key that is not in {@code allowed}. */
    public YamlNode requireOnlyKeys(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value)");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                String childPath = path.isEmpty() ? key : path + "." + key;
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                throw new ConfigException(file, keyLine, childPath,
                        "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key)).filter(n -> !n.isNull());
    }

    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> new ConfigException(file, line(),
                path.isEmpty() ? key : path + "." + key, "required key is missing"));
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null"));
    }

    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<YamlNode> result = new ArrayList<>();
        List<Node> values = seq.getValue();
        for (int i = 0; i < values.size(); i++) {
            result.add(new YamlNode(values.get(i), file, path + "[" + i + "]"));
        }
        return result;
    }

    public String asText() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, not a list or mapping");
        }
        return s.getValue();
    }

    public String asText(EnvironmentResolver env) {
        return env.resolve(asText(), this);
    }

    public int asInt() {
        try {
            return Integer.parseInt(asText().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got \"" + asText() + "\"");
        }
    }

    public double asDouble() {
        try {
            return Double.parseDouble(asText().trim());
        } catch (NumberFormatException e) {
            throw error("expected a number, got \"" + asText() + "\"");
        }
    }

    public boolean asBoolean() {
        String text = asText().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, got \"" + asText() + "\"");
        };
    }

    /** {@code 30m}, {@code 1h}, {@code 90s}, {@code 1d}, {@code 500ms}, or an ISO-8601 {@code PT30M}. */
    public Duration asDuration() {
        String text = asText().trim();
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw error("expected a duration such as 30m, 1h or 90s, got \"" + text + "\"");
        }
    }

    public List<String> asTextList() {
        if (node instanceof ScalarNode) {
            return List.of(asText());
        }
        return items().stream().map(YamlNode::asText).toList();
    }
}
