package dev.shirase;

import dev.shirase.cli.RootCommand;
import picocli.CommandLine;

/** Entry point: {@code java -jar shirase.jar [global options] COMMAND [options]}. */
public final class Shirase {
    private Shirase() {
    }

    public static void main(String[] args) {
        System.exit(RootCommand.commandLine().execute(args));
    }
}
