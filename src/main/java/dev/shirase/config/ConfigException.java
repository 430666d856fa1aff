package dev.shirase.config;

import java.nio.file.Path;

/**
 * A configuration file is wrong. The message names the file, the line and the key, so a person can fix it
 * without reading code: {@code feeds.yaml:14: sources[3].type: unknown type "rsss" (expected one of …)}.
 */
public class ConfigException extends RuntimeException {
    private final String file;
    private final int line;
    private final String key;

    public ConfigException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public ConfigException(Path file, String problem) {
        this(file.toString(), 0, "", problem);
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
