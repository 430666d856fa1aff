package dev.shirase.inventory.load;

import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Exposure;
import dev.shirase.inventory.InventoryProblem;
import dev.shirase.inventory.cpe.Cpe;
import dev.shirase.inventory.cpe.CpeParseException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of one inventory row as read (from YAML or CSV), turned into an {@link Asset} or into problems.
 * Shared by both loaders so that both apply exactly the same rules.
 */
final class AssetFields {

    static final Set<String> KEYS = Set.of("id", "name", "vendor", "product", "version", "cpe", "aliases", "owner",
            "exposure", "count");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final String file;
    private final int line;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<String> aliases = new ArrayList<>();

    AssetFields(String file, int line) {
        this.file = file;
        this.line = line;
    }

    int line() {
        return line;
    }

    void put(String key, String value, int atLine) {
        values.put(key, value == null ? "" : value.trim());
        lines.put(key, atLine);
    }

    void alias(String alias, int atLine) {
        if (alias != null && !alias.isBlank()) {
            aliases.add(alias.trim());
        }
        lines.putIfAbsent("aliases", atLine);
    }

    boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isEmpty();
    }

    int lineOf(String key) {
        return lines.getOrDefault(key, line);
    }

    /** Builds the asset, or adds problems and returns empty. {@code takenIds} guards against duplicates. */
    Optional<Asset> build(Set<String> takenIds, List<InventoryProblem> problems) {
        int before = problems.size();
        String name = values.getOrDefault("name", "");
        String product = values.getOrDefault("product", "");
        String vendor = values.getOrDefault("vendor", "");
        if (name.isEmpty() && product.isEmpty()) {
            problems.add(new InventoryProblem(file, line, "name", "an asset needs a name or a product"));
        }
        Optional<Cpe> cpe = Optional.empty();
        if (has("cpe")) {
            try {
                cpe = Optional.of(Cpe.parse(values.get("cpe")));
            } catch (CpeParseException e) {
                problems.add(new InventoryProblem(file, lineOf("cpe"), "cpe", e.getMessage()));
            }
        }
        Optional<Exposure> exposure = Optional.empty();
        if (has("exposure")) {
            exposure = Exposure.parse(values.get("exposure"));
            if (exposure.isEmpty()) {
                problems.add(new InventoryProblem(file, lineOf("exposure"), "exposure",
                        "must be internet or internal, not '" + values.get("exposure") + "'"));
            }
        }
        int count = 1;
        if (has("count")) {
            String c = Normalizer.normalize(values.get("count"), Normalizer.Form.NFKC).replace(",", "").trim();
            try {
                count = Integer.parseInt(c);
                if (count < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new InventoryProblem(file, lineOf("count"), "count",
                        "must be a whole number ≥ 0, not '" + values.get("count") + "'"));
            }
        }
        String id;
        if (has("id")) {
            id = values.get("id");
            if (!ID.matcher(id).matches()) {
                problems.add(new InventoryProblem(file, lineOf("id"), "id", "must be [a-z0-9-], not '" + id + "'"));
            } else if (takenIds.contains(id)) {
                problems.add(new InventoryProblem(file, lineOf("id"), "id", "duplicate id '" + id + "'"));
            }
        } else {
            id = unique(derive(name, vendor, product), takenIds);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        takenIds.add(id);
        Optional<String> version = Optional.ofNullable(values.get("version")).filter(s -> !s.isEmpty());
        if (version.isEmpty() && cpe.isPresent()) {
            version = cpe.get().version();
        }
        return Optional.of(new Asset(id, name.isEmpty() ? product : name, vendor, product, version, cpe,
                aliases, values.getOrDefault("owner", ""), exposure, count));
    }

    /** An id from the name (or product, vendor): ASCII letters and digits joined by dashes. */
    static String derive(String name, String vendor, String product) {
        for (String s : new String[]{name, product, vendor + " " + product}) {
            String slug = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (!slug.isEmpty()) {
                return slug;
            }
        }
        return "asset";
    }

    private static String unique(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        int n = 2;
        while (taken.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }
}
