package dev.shirase.deliver.file;

import dev.shirase.deliver.Channel;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.RenderedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Writes exactly what the other channels would send: the e-mail text ({@code .txt}) and HTML
 * ({@code .html}), the Slack messages ({@code .slack.json}, a JSON array of the payloads) and the Teams
 * webhook payload ({@code .teams.json}). Files are written atomically (temp file + move).
 */
public final class FileChannel implements Channel {
    private final String name;
    private final Path dir;

    public FileChannel(String name, FileSettings settings) {
        this.name = name;
        this.dir = settings.outboxDir().resolve(safeFileName(name));
    }

    @Override
    public String name() {
        return name;
    }

    /** The folder this channel writes into. */
    public Path directory() {
        return dir;
    }

    @Override
    public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
        String base = safeFileName(message.key());
        try {
            Files.createDirectories(dir);
            write(base + ".txt", message.text());
            write(base + ".html", message.html());
            write(base + ".slack.json", "[" + String.join(",\n", message.slackMessages()) + "]\n");
            write(base + ".teams.json", message.teamsCard());
            return new DeliveryResult.Delivered();
        } catch (IOException e) {
            return new DeliveryResult.RetryLater(Duration.ZERO, "cannot write " + dir + ": " + e.getMessage());
        }
    }

    private void write(String fileName, String content) throws IOException {
        Path target = dir.resolve(fileName);
        Path tmp = dir.resolve(fileName + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A key such as {@code digest:admins:2026-11-16..2026-11-23} as a portable file name. */
    public static String safeFileName(String key) {
        String s = key.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
            s = "_" + s;
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
