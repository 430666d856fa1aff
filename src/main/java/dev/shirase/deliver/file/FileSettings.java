package dev.shirase.deliver.file;

import dev.shirase.deliver.ChannelSettings;
import dev.shirase.deliver.ChannelType;
import java.nio.file.Path;
import java.util.Objects;

/** Where the file channel writes: {@code <outboxDir>/<channel>/<key>.{txt,html,slack.json,teams.json}}. */
public record FileSettings(Path outboxDir) implements ChannelSettings {
    public FileSettings {
        Objects.requireNonNull(outboxDir, "outboxDir");
    }

    @Override
    public ChannelType type() {
        return ChannelType.FILE;
    }
}
