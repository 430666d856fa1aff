package dev.shirase.inventory.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpeTest {

    @Test
    void readsCpe22() {
        Cpe c = Cpe.parse("cpe:/o:fortinet:fortios:7.4.3");
        assertThat(c.part()).isEqualTo("o");
        assertThat(c.vendor()).isEqualTo("fortinet");
        assertThat(c.product()).isEqualTo("fortios");
        assertThat(c.version()).contains("7.4.3");
        assertThat(c.key()).isEqualTo("fortinet:fortios");
        assertThat(Cpe.parse("cpe:/a:google:chrome").version()).isEmpty();
    }

    @Test
    void readsCpe22PercentEncoding() {
        Cpe c = Cpe.parse("cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam");
        assertThat(c.product()).isEqualTo("industrial_data_center_(idc)_with_veeam");
    }

    @Test
    void readsCpe23WithEscapes() {
        Cpe c = Cpe.parse("cpe:2.3:a:Google:Chrome:120.0.6099.109:*:*:*:*:*:*:*");
        assertThat(c.key()).isEqualTo("google:chrome");
        assertThat(c.version()).contains("120.0.6099.109");
        Cpe escaped = Cpe.parse("cpe:2.3:a:vendor\\:x:prod\\.uct:*:*:*:*:*:*:*:*");
        assertThat(escaped.vendor()).isEqualTo("vendor:x");
        assertThat(escaped.product()).isEqualTo("prod.uct");
        assertThat(escaped.version()).isEmpty();
    }

    @Test
    void comparesWholeVendorAndProductNeverSubstrings() {
        assertThat(Cpe.parse("cpe:/a:nextcloud:mail").key()).isNotEqualTo(Cpe.parse("cpe:/a:oracle:javamail").key());
        assertThat(Cpe.parse("cpe:/a:go-sql-driver:mysql").key()).isNotEqualTo(Cpe.parse("cpe:/a:oracle:mysql").key());
        assertThat(Cpe.parse("cpe:/a:oracle:mysql").key())
                .isEqualTo(Cpe.parse("cpe:2.3:a:oracle:mysql:8.0.36:*:*:*:*:*:*:*").key());
    }

    @Test
    void rejectsBadCpes() {
        assertThatThrownBy(() -> Cpe.parse("fortinet:fortios")).isInstanceOf(CpeParseException.class)
                .hasMessageContaining("not a CPE");
        assertThatThrownBy(() -> Cpe.parse("cpe:/a:fortinet")).isInstanceOf(CpeParseException.class);
        assertThatThrownBy(() -> Cpe.parse("cpe:2.3:a:*:*:*")).isInstanceOf(CpeParseException.class);
        assertThatThrownBy(() -> Cpe.parse("cpe:/x:fortinet:fortios")).isInstanceOf(CpeParseException.class)
                .hasMessageContaining("part");
        assertThat(Cpe.tryParse("nonsense")).isEmpty();
    }
}
