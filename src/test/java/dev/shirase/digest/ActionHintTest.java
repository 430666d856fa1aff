package dev.shirase.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ActionHintTest {
    @Test
    void exclusiveUpperBoundIsTheFixedVersion() {
        assertThat(ActionHint.fixedVersion("FortiOS 7.4.3 < 7.4.9 「7.4.9 未満」 (sec:cpe fortinet:fortios, X)")).contains("7.4.9");
        assertThat(ActionHint.fixedVersion("httpd 2.4.60 ≤ 2.4.62 < 2.4.69 (fixed in 2.4.69) (X)")).contains("2.4.69");
    }

    @Test
    void inclusiveUpperBoundOrLowerBoundGivesNoHint() {
        assertThat(ActionHint.fixedVersion("Chrome 150.0 ≤ 155.0.8059.39 「155.0.8059.39以前」")).isEmpty();
        assertThat(ActionHint.fixedVersion("x 2.4.60 < 2.4.62 ≤ 2.4.68")).isEmpty();
    }

    @Test
    void wording() {
        assertThat(ActionHint.updateTo("FortiOS", "7.4.9", Locale.JAPANESE)).isEqualTo("FortiOS を 7.4.9 以降に更新してください");
        assertThat(ActionHint.updateTo("FortiOS", "7.4.9", Locale.ENGLISH)).isEqualTo("Update FortiOS to 7.4.9 or later");
    }
}
