package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.ChannelConfig;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.digest.DateWindow;
import dev.shirase.digest.Digest;
import dev.shirase.digest.DigestSummary;
import dev.shirase.digest.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code send-test}: a small message through one channel, directly (not through the outbox). */
@Command(name = "send-test", mixinStandardHelpOptions = true,
        description = {"Send a small test message through one configured channel and report success or the",
                "exact error. Exit code 1 when the channel did not accept it."})
public final class SendTestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--channel", required = true, paramLabel = "NAME", description = "the channel name in shirase.yaml")
    String channel;

    @Override
    public Integer call() {
        try (Services services = Services.open(GlobalOptions.of(spec).load(), line -> System.err.println(line))) {
            List<ChannelConfig> configs = services.channelConfigs();
            ChannelConfig config = configs.stream().filter(c -> c.name().equals(channel)).findFirst()
                    .orElseThrow(() -> new UserError("no channel named " + channel + " (configured: "
                            + String.join(", ", configs.stream().map(ChannelConfig::name).toList()) + ")"));
            LocalDate today = LocalDate.now(services.clock().withZone(services.config().schedule().timezone()));
            Digest test = new Digest("test:" + config.name() + ":" + services.clock().instant(), Kind.DIGEST,
                    config.audience(), config.locale(), new DateWindow(today, today), List.of(),
                    DigestSummary.empty(), Optional.of(services.config().web().baseUrl() + "/"));
            RenderedMessage message = services.renderer().render(test);
            Channel target = Channels.create(config);
            DeliveryResult result = target.send(message);
            if (result instanceof DeliveryResult.Delivered) {
                System.out.printf("%s (%s): test message delivered%n", config.name(), config.type().name().toLowerCase());
                return 0;
            }
            String reason = result instanceof DeliveryResult.RetryLater r ? "temporary failure: " + r.reason()
                    : "failed: " + ((DeliveryResult.Failed) result).reason();
            System.out.printf("%s (%s): %s%n", config.name(), config.type().name().toLowerCase(), reason);
            return 1;
        }
    }
}
