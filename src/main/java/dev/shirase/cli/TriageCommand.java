package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.inventory.store.TriageRecord;
import dev.shirase.inventory.store.TriageState;
import dev.shirase.inventory.store.UnknownMatchException;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code triage}: record what was decided about one advisory for one asset. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Record a triage decision for one advisory × asset: done, not-affected, in-progress or open.",
                "The decision holds for the asset's current version; a new version is judged again."})
public final class TriageCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADVISORY")
    String advisory;

    @Parameters(index = "1", paramLabel = "ASSET")
    String asset;

    @Parameters(index = "2", paramLabel = "STATE", description = "done | not-affected | in-progress | open")
    String state;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "why (kept in the history)")
    String note;

    @Option(names = "--by", paramLabel = "NAME", description = "who decided (default: the login name)")
    String by;

    @Override
    public Integer call() {
        TriageState parsed;
        try {
            parsed = TriageState.parse(state);
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown state \"" + state + "\": use done, not-affected, in-progress or open");
        }
        String who = by != null ? by : System.getProperty("user.name", "unknown");
        try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
            services.matching();
            TriageRecord record = services.matches().triage(advisory, asset, parsed, note, who,
                    OffsetDateTime.now(services.clock()));
            System.out.printf("%s × %s: %s (by %s)%n", record.advisoryId(), record.assetId(), record.state().label(),
                    record.by());
            return 0;
        } catch (UnknownMatchException e) {
            throw new UserError(e.getMessage() + " — see 'shirase matches' for the pairs that exist");
        }
    }
}
