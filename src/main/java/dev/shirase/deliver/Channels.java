package dev.shirase.deliver;

import dev.shirase.deliver.email.EmailChannel;
import dev.shirase.deliver.email.EmailSettings;
import dev.shirase.deliver.file.FileChannel;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.deliver.slack.SlackChannel;
import dev.shirase.deliver.slack.SlackSettings;
import dev.shirase.deliver.teams.TeamsChannel;
import dev.shirase.deliver.teams.TeamsSettings;
import dev.shirase.digest.Audience;
import java.nio.file.Path;
import java.util.Locale;

/** Builds the channel for a configuration. */
public final class Channels {
    /** Name of the channel used when none is configured. */
    public static final String DEFAULT_FILE_CHANNEL = "file";

    private Channels() {
    }

    public static Channel create(ChannelConfig config) {
        ChannelSettings s = config.settings();
        if (s instanceof SlackSettings slack) {
            return new SlackChannel(config.name(), slack);
        } else if (s instanceof TeamsSettings teams) {
            return new TeamsChannel(config.name(), teams);
        } else if (s instanceof EmailSettings email) {
            return new EmailChannel(config.name(), email);
        } else if (s instanceof FileSettings file) {
            return new FileChannel(config.name(), file);
        }
        throw new IllegalArgumentException("channel " + config.name() + ": unsupported settings " + s.getClass().getName());
    }

    /** The default when no channel is configured: a file channel writing under {@code dataDir/outbox/file/}. */
    public static ChannelConfig defaultFileConfig(Path dataDir) {
        return new ChannelConfig(DEFAULT_FILE_CHANNEL, Audience.ADMINS, Locale.JAPANESE,
                new FileSettings(dataDir.resolve("outbox")));
    }
}
