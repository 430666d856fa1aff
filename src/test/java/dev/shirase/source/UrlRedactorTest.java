package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlRedactorTest {
    @Test
    void redactsSecretQueryValuesAndKeepsTheRest() {
        URI uri = URI.create("https://api.example/feed?method=getAlertList&api_key=K1&token=T2&key=K3&page=2");

        assertThat(UrlRedactor.redact(uri)).isEqualTo(
                "https://api.example/feed?method=getAlertList&api_key=REDACTED&token=REDACTED&key=REDACTED&page=2");
    }

    @Test
    void redactsUserInfo() {
        assertThat(UrlRedactor.redact(URI.create("https://bob:pw@host/feed")))
                .isEqualTo("https://REDACTED@host/feed");
    }

    @Test
    void redactsUrlsInsideFreeText() {
        assertThat(UrlRedactor.redactText("failed GET http://h/a?access_token=xyz: refused; also ?secret=1"))
                .isEqualTo("failed GET http://h/a?access_token=REDACTED: refused; also ?secret=REDACTED");
    }

    @Test
    void leavesPlainUrlsAlone() {
        String url = "https://isec-myjvn-feed1.ipa.go.jp/IPARssReader.php?1700000000&tool=icatw";

        assertThat(UrlRedactor.redactText(url)).isEqualTo(url);
    }
}
