package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.deliver.file.FileChannel;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.digest.Audience;
import dev.shirase.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestDispatcherTest {
    @Test
    void enqueuesForChannelsOfTheAudienceInTheirLanguageOnce(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        List<ChannelConfig> configs = List.of(
                new ChannelConfig("admins-ja", Audience.ADMINS, Locale.JAPANESE, new FileSettings(dir)),
                new ChannelConfig("admins-en", Audience.ADMINS, Locale.ENGLISH, new FileSettings(dir)),
                new ChannelConfig("staff", Audience.STAFF, Locale.JAPANESE, new FileSettings(dir)));
        try (Database db = Database.inMemory("dispatcher")) {
            Outbox outbox = new Outbox(db, configs.stream().map(Channels::create).toList());
            DigestDispatcher dispatcher = new DigestDispatcher(DigestRenderer.bundled(), outbox);
            assertThat(dispatcher.enqueue(SampleDigests.small(Locale.JAPANESE), configs, now)).isEqualTo(2);
            assertThat(dispatcher.enqueue(SampleDigests.small(Locale.JAPANESE), configs, now)).isZero();
            assertThat(outbox.payload(SampleDigests.small(Locale.JAPANESE).key(), "admins-en").orElseThrow().subject())
                    .startsWith("[Shirase]");
            assertThat(outbox.deliverDue(now).sent()).isEqualTo(2);
            String base = FileChannel.safeFileName(SampleDigests.small(Locale.JAPANESE).key());
            assertThat(Files.readString(dir.resolve("admins-ja").resolve(base + ".txt"))).contains("今週対応が必要なもの");
            assertThat(Files.readString(dir.resolve("admins-en").resolve(base + ".txt"))).contains("Action needed this week");
            assertThat(dir.resolve("staff")).doesNotExist();
        }
    }
}
