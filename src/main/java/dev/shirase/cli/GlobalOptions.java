package dev.shirase.cli;

import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "shirase.yaml to read (default: ./shirase.yaml; all defaults when absent)")
    Path config;

    @Option(names = "--feeds", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "feeds.yaml to read (default: from shirase.yaml, else ./feeds.yaml)")
    Path feeds;

    @Option(names = "--inventory", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "inventory file, YAML or CSV (default: from shirase.yaml, else ./inventory.yaml)")
    Path inventory;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "data directory for the database, index and outbox (default: ./data)")
    Path data;

    /** The global options of the command line that {@code spec} belongs to (they live on the root command). */
    static GlobalOptions of(picocli.CommandLine.Model.CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).global;
    }

    /** shirase.yaml with the command-line overrides applied. */
    public ShiraseConfig load() {
        boolean explicit = config != null;
        Path file = explicit ? config : Path.of("shirase.yaml");
        ShiraseConfig loaded = ShiraseConfig.load(file, explicit, EnvironmentResolver.system());
        if (data != null) {
            loaded = loaded.withDataDir(data.toAbsolutePath());
        }
        if (feeds != null) {
            loaded = loaded.withFeedsFile(feeds.toAbsolutePath());
        }
        if (inventory != null) {
            loaded = loaded.withInventoryFile(inventory.toAbsolutePath());
        }
        return loaded;
    }
}
