package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetcherConfigTest {
    @Test
    void defaultsMatchThePoliteFetcherPolicy() {
        FetcherConfig c = FetcherConfig.defaults();

        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.totalTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.maxBodyBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(c.maxRedirects()).isEqualTo(5);
        assertThat(c.userAgent()).isEqualTo("Shirase/0.1.0 (+https://github.com/shirase; security advisory collector)");
    }

    @Test
    void rejectsNonsense() {
        FetcherConfig c = FetcherConfig.defaults();

        assertThatThrownBy(() -> c.withTotalTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMaxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withUserAgent("bad\r\nheader")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesAreWrittenForPeople() {
        assertThat(BoundedBody.humanSize(20L * 1024 * 1024)).isEqualTo("20 MB");
        assertThat(BoundedBody.humanSize(512 * 1024)).isEqualTo("512 KB");
        assertThat(BoundedBody.humanSize(300)).isEqualTo("300 bytes");
    }
}
