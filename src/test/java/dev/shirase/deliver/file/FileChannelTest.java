package dev.shirase.deliver.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.ChannelType;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.DigestRenderer;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.SampleDigests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelTest {
    @Test
    void writesExactlyWhatWouldBeSent(@TempDir Path dataDir) throws Exception {
        var config = Channels.defaultFileConfig(dataDir);
        assertThat(config.type()).isEqualTo(ChannelType.FILE);
        Channel channel = Channels.create(config);
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.small(Locale.JAPANESE));
        assertThat(channel.send(m)).isEqualTo(new DeliveryResult.Delivered());

        Path dir = dataDir.resolve("outbox/file");
        String base = "digest_admins_2026-11-16..2026-11-23";
        assertThat(Files.readString(dir.resolve(base + ".txt"), StandardCharsets.UTF_8)).isEqualTo(m.text());
        assertThat(Files.readString(dir.resolve(base + ".html"), StandardCharsets.UTF_8)).isEqualTo(m.html());
        assertThat(Files.readString(dir.resolve(base + ".teams.json"), StandardCharsets.UTF_8)).isEqualTo(m.teamsCard());
        JsonNode slack = new ObjectMapper().readTree(dir.resolve(base + ".slack.json").toFile());
        assertThat(slack.size()).isEqualTo(m.slackMessages().size());
        assertThat(slack.get(0).toString()).isEqualTo(m.slackMessages().get(0));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    base + ".txt", base + ".html", base + ".slack.json", base + ".teams.json");
        }
    }

    @Test
    void keysBecomeSafeFileNames() {
        assertThat(FileChannel.safeFileName("alert:staff:JVNDB-2026-1:../../etc/passwd:affected"))
                .isEqualTo("alert_staff_JVNDB-2026-1_.._.._etc_passwd_affected").doesNotContain("/");
        assertThat(FileChannel.safeFileName("..")).isEqualTo("_..");
    }
}
