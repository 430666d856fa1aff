package dev.shirase.cli;

import dev.shirase.config.ConfigException;
import dev.shirase.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code shirase}: the command tree. Each subcommand is a class of its own in this package. */
@Command(name = "shirase", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Shirase (知らせ): Japanese security advisories, collected, searched, matched to your",
                "software inventory and delivered. 脅威や攻撃の手口を知ろう.", ""},
        footer = {"", "Start with: java -jar target/shirase.jar demo"},
        subcommands = {
                DemoCommand.class,
                FetchCommand.class,
                SearchCommand.class,
                StatusCommand.class,
                ReindexCommand.class,
                BackfillCommand.class,
                ImportCommand.class,
                MatchesCommand.class,
                TriageCommand.class,
                InventoryCommand.class,
                BenchCommand.class,
                DigestCommand.class,
                SendTestCommand.class,
                RunCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line: clear one-line messages for configuration and store errors, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof StoreException || e instanceof UserError) {
                commandLine.getErr().println("shirase: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
