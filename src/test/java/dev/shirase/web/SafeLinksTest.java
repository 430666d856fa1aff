package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeLinksTest {

    @Test
    void keepsHttpAndHttps() {
        assertThat(SafeLinks.httpOrEmpty("https://jvn.jp/vu/JVNVU91137775/")).isEqualTo("https://jvn.jp/vu/JVNVU91137775/");
        assertThat(SafeLinks.httpOrEmpty(" http://example.jp/a?b=1 ")).isEqualTo("http://example.jp/a?b=1");
        assertThat(SafeLinks.httpOrEmpty("HTTPS://EXAMPLE.JP/")).isEqualTo("HTTPS://EXAMPLE.JP/");
    }

    @Test
    void dropsEverythingElse() {
        assertThat(SafeLinks.httpOrEmpty("javascript:alert(1)")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("JaVaScRiPt:alert(1)")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("java\tscript:alert(1)")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("data:text/html,<script>alert(1)</script>")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("//evil.example/x")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("/relative")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("http:///nohost")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("")).isEmpty();
        assertThat(SafeLinks.httpOrEmpty(null)).isEmpty();
        assertThat(SafeLinks.httpOrEmpty("https://exa mple.jp/")).isEmpty();
    }
}
