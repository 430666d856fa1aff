package dev.shirase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.source.FeedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedFeedsFileListsEverySeedSourceWithItsRealUrl() {
        FeedsConfig config = FeedsConfig.load(Path.of("feeds.yaml"));
        assertThat(config.sources()).extracting(s -> s.type())
                .contains(FeedType.IPA_ALERT, FeedType.JPCERT, FeedType.JVN, FeedType.JVNDB, FeedType.MYJVN_ALERT,
                        FeedType.ICAT, FeedType.JC3, FeedType.KEV, FeedType.EPSS);
        assertThat(config.byId("jvndb").orElseThrow().url().toString())
                .isEqualTo("https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf");
        assertThat(config.byId("jvndb").orElseThrow().interval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void readsOptionalKeysWithDefaults() throws Exception {
        FeedsConfig config = FeedsConfig.load(write("""
                sources:
                  - id: vendor-psirt
                    type: rss
                    url: file:///tmp/feed.xml
                    enabled: false
                """));
        assertThat(config.sources()).singleElement().satisfies(s -> {
            assertThat(s.enabled()).isFalse();
            assertThat(s.interval()).isEqualTo(Duration.ofMinutes(60));
            assertThat(s.url().getScheme()).isEqualTo("file");
        });
        assertThat(config.enabled()).isEmpty();
    }

    @Test
    void unknownKeyFailsWithFileLineAndKey() throws Exception {
        Path file = write("""
                sources:
                  - id: jvn
                    type: jvn
                    url: https://jvn.jp/rss/jvn.rdf
                    intervall: 30m
                """);
        assertThatThrownBy(() -> FeedsConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feeds.yaml:5:")
                .hasMessageContaining("sources[0].intervall")
                .hasMessageContaining("unknown key");
    }

    @Test
    void duplicateIdFailsNamingBothLines() throws Exception {
        Path file = write("""
                sources:
                  - id: jvn
                    type: jvn
                    url: https://jvn.jp/rss/jvn.rdf
                  - id: jvn
                    type: jvndb
                    url: https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf
                """);
        assertThatThrownBy(() -> FeedsConfig.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.key()).isEqualTo("sources[1].id");
                    assertThat(e.getMessage()).contains("duplicate id \"jvn\"").contains("line 2");
                });
    }

    @Test
    void unknownTypeListsTheKnownOnes() throws Exception {
        Path file = write("""
                sources:
                  - id: x
                    type: rsss
                    url: https://example.jp/feed
                """);
        assertThatThrownBy(() -> FeedsConfig.load(file))
                .hasMessageContaining(":3:").hasMessageContaining("sources[0].type")
                .hasMessageContaining("unknown type \"rsss\"").hasMessageContaining("myjvn-vuln");
    }

    @Test
    void badUrlsAreRejected() throws Exception {
        for (String url : new String[] {"ftp://example.jp/feed", "javascript:alert(1)", "not a url", "https://"}) {
            Path file = write("sources:\n  - id: x\n    type: rss\n    url: \"" + url + "\"\n");
            assertThatThrownBy(() -> FeedsConfig.load(file)).as(url)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("sources[0].url");
        }
    }

    @Test
    void badIdAndIntervalAreRejected() throws Exception {
        Path badId = write("sources:\n  - id: JVN_DB\n    type: jvn\n    url: https://jvn.jp/\n");
        assertThatThrownBy(() -> FeedsConfig.load(badId)).hasMessageContaining("a-z, 0-9");
        Path badInterval = write("sources:\n  - id: a\n    type: jvn\n    url: https://jvn.jp/\n    interval: soon\n");
        assertThatThrownBy(() -> FeedsConfig.load(badInterval)).hasMessageContaining(":5:")
                .hasMessageContaining("duration");
    }

    @Test
    void invalidYamlReportsItsLine() throws Exception {
        Path file = write("sources:\n  - id: a\n    type: [unclosed\n");
        assertThatThrownBy(() -> FeedsConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }
}
