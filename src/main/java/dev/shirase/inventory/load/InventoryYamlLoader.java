package dev.shirase.inventory.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.InventoryException;
import dev.shirase.inventory.InventoryProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code inventory.yaml} ({@code assets:} list). Read with Jackson's streaming parser so that every problem —
 * unknown key, duplicate key or id, bad CPE, bad exposure or count — is reported with file, line and key. Any
 * problem fails the whole load (a bad config fails fast at start); all problems are listed at once.
 * Scalars are kept as written: {@code version: 7.10} stays "7.10".
 */
public final class InventoryYamlLoader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private InventoryYamlLoader() {
    }

    public static List<Asset> load(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InventoryException(new InventoryProblem(file.toString(), 0, "", "cannot read: " + e.getMessage()), e);
        }
    }

    /** Parses YAML text; {@code fileName} only labels problems. */
    public static List<Asset> read(String fileName, String yaml) {
        List<InventoryProblem> problems = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        try (Reader r = new StringReader(yaml); JsonParser p = YAML.createParser(r)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InventoryException(List.of(new InventoryProblem(fileName, 1, "assets", "the file is empty")));
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InventoryException(List.of(new InventoryProblem(fileName, line(p), "",
                        "expected a mapping with 'assets:'")));
            }
            boolean sawAssets = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                JsonToken v = p.nextToken();
                if (!key.equals("assets")) {
                    problems.add(new InventoryProblem(fileName, keyLine, key, "unknown key (expected 'assets')"));
                    p.skipChildren();
                    continue;
                }
                sawAssets = true;
                if (v == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (v != JsonToken.START_ARRAY) {
                    problems.add(new InventoryProblem(fileName, keyLine, key, "must be a list of assets"));
                    p.skipChildren();
                    continue;
                }
                Set<String> ids = new HashSet<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        problems.add(new InventoryProblem(fileName, line(p), "assets", "each asset must be a mapping"));
                        p.skipChildren();
                        continue;
                    }
                    readAsset(fileName, p, ids, problems).ifPresent(assets::add);
                }
            }
            if (!sawAssets) {
                problems.add(new InventoryProblem(fileName, 1, "assets", "missing 'assets:' list"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InventoryException(new InventoryProblem(fileName, loc == null ? 0 : loc.getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InventoryException(new InventoryProblem(fileName, 0, "", "cannot read: " + e.getMessage()), e);
        }
        if (!problems.isEmpty()) {
            throw new InventoryException(problems);
        }
        return assets;
    }

    private static Optional<Asset> readAsset(String fileName, JsonParser p, Set<String> ids,
                                             List<InventoryProblem> problems) throws IOException {
        AssetFields f = new AssetFields(fileName, line(p));
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            JsonToken v = p.nextToken();
            if (!AssetFields.KEYS.contains(key)) {
                problems.add(new InventoryProblem(fileName, keyLine, key, "unknown key (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(AssetFields.KEYS)) + ")"));
                p.skipChildren();
                continue;
            }
            if (!seen.add(key)) {
                problems.add(new InventoryProblem(fileName, keyLine, key, "duplicate key"));
                p.skipChildren();
                continue;
            }
            if (key.equals("aliases")) {
                if (v == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken().isScalarValue()) {
                            f.alias(p.getText(), keyLine);
                        } else {
                            problems.add(new InventoryProblem(fileName, line(p), key, "aliases must be plain names"));
                            p.skipChildren();
                        }
                    }
                } else if (v.isScalarValue()) {
                    f.alias(v == JsonToken.VALUE_NULL ? "" : p.getText(), keyLine);
                } else {
                    problems.add(new InventoryProblem(fileName, keyLine, key, "must be a list of names"));
                    p.skipChildren();
                }
                continue;
            }
            if (!v.isScalarValue()) {
                problems.add(new InventoryProblem(fileName, keyLine, key, "must be a single value"));
                p.skipChildren();
                continue;
            }
            f.put(key, v == JsonToken.VALUE_NULL ? "" : p.getText(), keyLine);
        }
        return f.build(ids, problems);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
