package dev.shirase.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in configuration values with environment variables, so that secrets live in the
 * environment and never in files. A missing variable is an error at start, naming the key that needs it.
 */
public final class EnvironmentResolver {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;

    public EnvironmentResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static EnvironmentResolver system() {
        return new EnvironmentResolver(System.getenv());
    }

    public String resolve(String value, YamlNode where) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = environment.get(name);
            if (replacement == null || replacement.isEmpty()) {
                throw where.error("environment variable " + name + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
