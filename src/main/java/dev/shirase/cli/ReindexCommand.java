package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.ingest.Reindexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code reindex}: rebuild the Lucene index from the store. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (the system of record).")
public final class ReindexCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
            long started = System.nanoTime();
            int n = new Reindexer(services.advisories(), services.ingestor(), services.index(), System.err::println)
                    .rebuild();
            System.out.printf("reindexed %d advisories in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
