package dev.shirase.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the pages from Pebble templates in {@code <templates>/web/} (editable by the company), falling back to
 * the copy under {@code templates/web/} on the classpath. HTML auto-escaping is on: feed text can only reach a page
 * escaped; the one exception is highlighted text, which goes through {@link SafeMarkup} first.
 */
public final class PageRenderer {

    private final PebbleEngine engine;

    public PageRenderer(Path templatesDir) {
        List<Loader<?>> loaders = new ArrayList<>();
        Path web = templatesDir.resolve("web");
        if (Files.isDirectory(web)) {
            FileLoader files = new FileLoader();
            files.setPrefix(web.toAbsolutePath().toString());
            files.setSuffix(".peb");
            loaders.add(files);
        }
        ClasspathLoader classpath = new ClasspathLoader(PageRenderer.class.getClassLoader());
        classpath.setPrefix("templates/web");
        classpath.setSuffix(".peb");
        loaders.add(classpath);
        this.engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .strictVariables(false)
                .cacheActive(true)
                .build();
    }

    public String render(String template, Map<String, Object> model) {
        PebbleTemplate t = engine.getTemplate(template);
        StringWriter out = new StringWriter(8192);
        try {
            t.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
