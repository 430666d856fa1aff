package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.inventory.check.AssetCoverage;
import dev.shirase.inventory.check.InventoryCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inventory check}: does every asset match something the sources name? */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Inventory commands.",
        subcommands = InventoryCommand.Check.class)
public final class InventoryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"For every asset: how many advisories name it. An asset that matches nothing any source",
                    "has ever named is a warning (a misspelt product never gets an alert), with close names."})
    static final class Check implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "print the result as JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
                services.matching();
                Set<String> known = new TreeSet<>();
                services.advisories().forEach(a -> known.addAll(InventoryCheck.knownNames(List.of(a))));
                List<AssetCoverage> coverage = InventoryCheck.run(services.assets(),
                        services.matches().advisoryCountByAsset(), known);
                long unmatched = coverage.stream().filter(AssetCoverage::unmatched).count();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AssetCoverage c : coverage) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("asset", c.asset().id());
                        row.put("name", c.asset().name());
                        row.put("advisories", c.advisoryCount());
                        row.put("unmatched", c.unmatched());
                        row.put("suggestions", c.suggestions());
                        rows.add(row);
                    }
                    System.out.println(Json.write(Map.of("assets", rows, "unmatched", unmatched)));
                } else {
                    for (AssetCoverage c : coverage) {
                        System.out.printf("%-20s %-30s %5d advisories%s%n", c.asset().id(), c.asset().name(),
                                c.advisoryCount(), c.unmatched() ? "  WARNING: matches no product any source has named"
                                        + (c.suggestions().isEmpty() ? "" : " — did you mean "
                                        + String.join(", ", c.suggestions()) + "?") : "");
                    }
                    System.out.printf("%n%d asset(s), %d unmatched (an unmatched asset is not \"safe\": check its "
                            + "vendor/product/CPE)%n", coverage.size(), unmatched);
                }
                return unmatched > 0 ? 1 : 0;
            }
        }
    }
}
