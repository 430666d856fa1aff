package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.ingest.GapFiller;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backfill}: fetch a past date range of JVN iPedia entries from MyJVN. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Fill the archive for a past date range from MyJVN getVulnOverviewList (50 per page).",
                "Available for jvndb and myjvn-vuln sources; for older years use 'import' with the yearly files."})
public final class BackfillCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "ID", description = "a jvndb or myjvn-vuln source")
    String sourceId;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first date (YYYY-MM-DD)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last date (default: today in Asia/Tokyo)")
    LocalDate to;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
            FeedSource source = services.feeds().byId(sourceId)
                    .orElseThrow(() -> new UserError("no source \"" + sourceId + "\" in feeds.yaml"));
            if (source.type() != FeedType.JVNDB && source.type() != FeedType.MYJVN_VULN) {
                throw new UserError("backfill works for jvndb and myjvn-vuln sources (MyJVN keeps their history); "
                        + source.id() + " is " + source.type().key() + " — use 'import FILE --type "
                        + source.type().key() + "' with a downloaded file instead");
            }
            LocalDate last = to == null ? LocalDate.now(ZoneId.of("Asia/Tokyo")) : to;
            if (last.isBefore(from)) {
                throw new UserError("--to " + last + " is before --from " + from);
            }
            GapFiller.Report report = services.gapFiller().fill(source.id(), from, last, services.clock().instant());
            System.out.println(report.describe());
            return report.error().isPresent() ? 1 : 0;
        }
    }
}
