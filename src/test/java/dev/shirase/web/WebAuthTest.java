package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.config.ShiraseConfig.WebSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebAuthTest {

    private static WebSettings settings(String auth, String header, String users) {
        return new WebSettings("127.0.0.1", 0, "http://127.0.0.1", auth, Optional.ofNullable(header),
                Optional.ofNullable(users));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noneIdentifiesNobody() {
        WebAuth auth = WebAuth.from(settings("none", null, null));
        assertThat(auth.identify(Map.of("X-Forwarded-User", "mallory")::get)).isEmpty();
    }

    @Test
    void basicChecksUserAndPassword() {
        WebAuth auth = WebAuth.from(settings("basic", null, "tanaka:s3cr:et, suzuki:pw2"));
        assertThat(auth.identify(Map.of("Authorization", basic("tanaka", "s3cr:et"))::get)).contains("tanaka");
        assertThat(auth.identify(Map.of("Authorization", basic("suzuki", "pw2"))::get)).contains("suzuki");
        assertThatThrownBy(() -> auth.identify(Map.of("Authorization", basic("tanaka", "wrong"))::get))
                .isInstanceOf(WebAuthException.class).extracting(e -> ((WebAuthException) e).status()).isEqualTo(401);
        assertThatThrownBy(() -> auth.identify(Map.of("Authorization", basic("nobody", "pw2"))::get))
                .isInstanceOf(WebAuthException.class);
        assertThatThrownBy(() -> auth.identify(Map.<String, String>of()::get)).isInstanceOf(WebAuthException.class);
        assertThatThrownBy(() -> auth.identify(Map.of("Authorization", "Basic !!!")::get))
                .isInstanceOf(WebAuthException.class);
    }

    @Test
    void basicWithoutUsersFailsWithoutShowingPasswords() {
        assertThatThrownBy(() -> WebAuth.from(settings("basic", null, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no user");
        assertThatThrownBy(() -> WebAuth.from(settings("basic", null, "tanaka:topsecret,broken")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
    }

    @Test
    void headerTrustsTheProxyHeader() {
        WebAuth auth = WebAuth.from(settings("header", "X-Forwarded-User", null));
        assertThat(auth.identify(Map.of("X-Forwarded-User", " sato ")::get)).contains("sato");
        assertThatThrownBy(() -> auth.identify(Map.<String, String>of()::get)).isInstanceOf(WebAuthException.class);
        assertThatThrownBy(() -> WebAuth.from(settings("header", null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csrfTokensAreBoundToUserAndInstance() {
        CsrfTokens tokens = new CsrfTokens();
        String t = tokens.tokenFor("tanaka");
        assertThat(tokens.valid("tanaka", t)).isTrue();
        assertThat(tokens.valid("suzuki", t)).isFalse();
        assertThat(tokens.valid("tanaka", "")).isFalse();
        assertThat(tokens.valid("tanaka", null)).isFalse();
        assertThat(new CsrfTokens().valid("tanaka", t)).isFalse();
    }

    @Test
    void csrfTokensExpireAfterTheNextDay() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-25T23:00:00Z"));
        CsrfTokens tokens = new CsrfTokens(clock);
        String t = tokens.tokenFor("tanaka");
        clock.now = java.time.Instant.parse("2026-11-26T08:00:00Z");
        assertThat(tokens.valid("tanaka", t)).isTrue();
        assertThat(tokens.tokenFor("tanaka")).isNotEqualTo(t);
        clock.now = java.time.Instant.parse("2026-11-27T00:00:01Z");
        assertThat(tokens.valid("tanaka", t)).isFalse();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends java.time.Clock {
        java.time.Instant now;

        MutableClock(java.time.Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
