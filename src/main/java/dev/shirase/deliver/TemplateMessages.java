package dev.shirase.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The wording of the templates ({@code templates/digest/messages_<lang>.properties}, UTF-8): the bundled
 * copy first, then the company's edited file on top, so a partial edit still has every key.
 * Unknown languages fall back to Japanese.
 */
final class TemplateMessages {
    private TemplateMessages() {
    }

    static Map<String, String> load(Optional<Path> templateDir, Locale locale) {
        String lang = "en".equals(locale.getLanguage()) ? "en" : "ja";
        String name = "digest/messages_" + lang + ".properties";
        Properties props = new Properties();
        try (InputStream in = TemplateMessages.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            if (in != null) {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
            }
            if (templateDir.isPresent()) {
                Path file = templateDir.get().resolve(name);
                if (Files.isRegularFile(file)) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        props.load(r);
                    }
                }
            }
        } catch (IOException e) {
            throw new RenderException("cannot read template messages " + name + ": " + e.getMessage(), e);
        }
        if (props.isEmpty()) {
            throw new RenderException("template messages " + name + " not found");
        }
        Map<String, String> out = new HashMap<>();
        props.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return Map.copyOf(out);
    }
}
