package dev.shirase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiraseConfigTest {
    @TempDir
    Path dir;

    @Test
    void missingFileMeansEmbeddedDefaults() {
        ShiraseConfig config = ShiraseConfig.load(dir.resolve("shirase.yaml"), false, EnvironmentResolver.system());
        assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:").contains("data");
        assertThat(config.locale()).isEqualTo(Locale.JAPANESE);
        assertThat(config.schedule().timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(config.alerts().minCvss()).isEqualTo(9.0);
    }

    @Test
    void theShippedFileLoads() {
        ShiraseConfig config = ShiraseConfig.load(Path.of("shirase.yaml"), true, EnvironmentResolver.system());
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.schedule().digestCron()).isEqualTo("0 0 9 ? * MON");
        assertThat(config.feedsFile().getFileName().toString()).isEqualTo("feeds.yaml");
    }

    @Test
    void secretsComeFromTheEnvironmentAndAMissingOneIsNamed() throws Exception {
        Path file = dir.resolve("shirase.yaml");
        Files.writeString(file, "database:\n  url: jdbc:postgresql://db/shirase\n  password: \"${DB_PASS}\"\n");
        ShiraseConfig config = ShiraseConfig.load(file, true, new EnvironmentResolver(Map.of("DB_PASS", "s3cret")));
        assertThat(config.databasePassword()).isEqualTo("s3cret");
        assertThatThrownBy(() -> ShiraseConfig.load(file, true, new EnvironmentResolver(Map.of())))
                .hasMessageContaining("shirase.yaml:3:").hasMessageContaining("DB_PASS is not set");
    }

    @Test
    void badValuesNameFileLineAndKey() throws Exception {
        Path file = dir.resolve("shirase.yaml");
        Files.writeString(file, "locale: fr\n");
        assertThatThrownBy(() -> ShiraseConfig.load(file, true, EnvironmentResolver.system()))
                .hasMessageContaining("shirase.yaml:1: locale: locale must be ja or en");
        Files.writeString(file, "schedule:\n  digest: every monday\n");
        assertThatThrownBy(() -> ShiraseConfig.load(file, true, EnvironmentResolver.system()))
                .hasMessageContaining(":2:").hasMessageContaining("schedule.digest");
        Files.writeString(file, "web:\n  prot: 80\n");
        assertThatThrownBy(() -> ShiraseConfig.load(file, true, EnvironmentResolver.system()))
                .hasMessageContaining("web.prot").hasMessageContaining("unknown key");
    }
}
