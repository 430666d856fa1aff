package dev.shirase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real command line in-process against one data dir, feeds.yaml and shirase.yaml, capturing what it prints.
 * Global options go after the command, as a user may type them.
 */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and returned. */
    public record Run(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON (exit " + exit + ", stderr " + err + "):\n" + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private final Path dir;

    /** Uses {@code dir} for data/, feeds.yaml, shirase.yaml and an absent inventory. */
    public Cli(Path dir) {
        this.dir = dir;
        if (!Files.exists(dir.resolve("shirase.yaml"))) {
            config("");
        }
    }

    public Path dir() {
        return dir;
    }

    public Cli feeds(String yaml) {
        return write("feeds.yaml", yaml);
    }

    public Cli config(String yaml) {
        return write("shirase.yaml", yaml.isEmpty() ? "locale: ja\n" : yaml);
    }

    public Cli write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs {@code args} then the global options. */
    public Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve("shirase.yaml").toString(),
                "--feeds", dir.resolve("feeds.yaml").toString(),
                "--inventory", dir.resolve("inventory.yaml").toString(),
                "--data", dir.resolve("data").toString()));
        return raw(all.toArray(String[]::new));
    }

    /** Runs exactly {@code args}. */
    public static synchronized Run raw(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit;
        try {
            System.setOut(o);
            System.setErr(e);
            var cl = RootCommand.commandLine();
            cl.setOut(new java.io.PrintWriter(o, true));
            cl.setErr(new java.io.PrintWriter(e, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
