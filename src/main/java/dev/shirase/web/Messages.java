package dev.shirase.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page texts per language, from {@code web/messages_ja.properties} and {@code web/messages_en.properties}
 * (UTF-8) in the templates folder, falling back to the copy bundled in the jar; a company may edit either.
 */
public final class Messages {

    private final Map<Lang, Map<String, String>> texts = new EnumMap<>(Lang.class);

    public Messages(Path templatesDir) {
        for (Lang lang : Lang.values()) {
            texts.put(lang, load(templatesDir, "web/messages_" + lang.code() + ".properties"));
        }
    }

    /** All texts of one language, for templates ({@code t['search.title']}). */
    public Map<String, String> all(Lang lang) {
        return texts.get(lang);
    }

    /** One text, or the key itself when missing (visible, not fatal). */
    public String get(Lang lang, String key) {
        return texts.get(lang).getOrDefault(key, key);
    }

    private static Map<String, String> load(Path dir, String name) {
        Properties p = new Properties();
        try {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } else {
                try (InputStream in = Messages.class.getClassLoader().getResourceAsStream("templates/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("page texts not found: " + file + " (nor in the jar)");
                    }
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read page texts " + name + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return Map.copyOf(m);
    }
}
