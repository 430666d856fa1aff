package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.deliver.ChannelConfig;
import dev.shirase.deliver.DeliveryReport;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.digest.Audience;
import dev.shirase.digest.DateWindow;
import dev.shirase.digest.Digest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code digest}: build the digest of a window and preview it, print it as JSON, or send it. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Build the digest for a window (default: the 7 days before today, Asia/Tokyo) and print",
                "a text preview (--dry-run, the default), the digest model (--json), or send it to every",
                "channel of the audience (--send; a window already sent to a channel is not sent again)."})
public final class DigestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the send day: the window is the 7 days before it")
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "first day of the window (with --to)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day of the window, inclusive (with --from)")
    LocalDate to;

    @Option(names = "--audience", paramLabel = "staff|admins", defaultValue = "admins",
            description = "whose digest: staff (awareness) or admins (full matching detail); default admins")
    String audience;

    @Option(names = "--dry-run", description = "print the plain-text preview (the default)")
    boolean dryRun;

    @Option(names = "--send", description = "enqueue for every channel of the audience and deliver now")
    boolean send;

    @Option(names = "--json", description = "print the digest model as JSON")
    boolean json;

    @Override
    public Integer call() {
        Audience who;
        try {
            who = Audience.parse(audience);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (asOf != null && (from != null || to != null)) {
            throw new UserError("give either --as-of or --from/--to, not both");
        }
        if ((from == null) != (to == null)) {
            throw new UserError("--from and --to go together");
        }
        if (send && (dryRun || json)) {
            throw new UserError("--send cannot be combined with --dry-run or --json");
        }
        try (Services services = Services.open(GlobalOptions.of(spec).load(), line -> System.err.println(line))) {
            ZoneId zone = services.config().schedule().timezone();
            DateWindow window;
            try {
                window = from != null ? new DateWindow(from, to.plusDays(1))
                        : DateWindow.weekBefore(asOf != null ? asOf : LocalDate.now(services.clock().withZone(zone)));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            Digest digest = services.digestBuilder().build(who, window, zone, services.config().locale());
            if (json) {
                System.out.println(Json.write(DigestJson.of(digest)));
                return 0;
            }
            if (send) {
                List<ChannelConfig> channels = services.channelConfigs().stream()
                        .filter(c -> c.audience() == who).toList();
                if (channels.isEmpty()) {
                    throw new UserError("no channel has audience " + who.code() + " (see channels in shirase.yaml)");
                }
                int added = services.dispatcher().enqueue(digest, channels, services.clock().instant());
                DeliveryReport report = services.outbox().deliverDue(services.clock().instant());
                System.out.printf("digest %s: %d new outbox row(s) for %d channel(s); sent %d, retrying %d, failed %d%n",
                        digest.key(), added, channels.size(), report.sent(), report.retrying(), report.failed());
                return report.failed() > 0 || report.retrying() > 0 ? 1 : 0;
            }
            RenderedMessage message = services.renderer().render(digest);
            System.out.println(message.subject());
            System.out.println();
            System.out.println(message.text());
            return 0;
        }
    }
}
