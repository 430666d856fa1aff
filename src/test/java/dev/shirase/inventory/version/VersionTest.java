package dev.shirase.inventory.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    private static Version v(String s) {
        return Version.parse(s).orElseThrow(() -> new AssertionError("not a version: " + s));
    }

    @Test
    void dottedNumbersCompareNumerically() {
        assertThat(v("7.4.10")).isGreaterThan(v("7.4.9"));
        assertThat(v("7.4")).isEqualTo(v("7.4.0"));
        assertThat(v("155.0.8059.39")).isLessThan(v("155.0.8059.100"));
    }

    @Test
    void letterSuffixSortsAfterBareNumber() {
        assertThat(v("2.8.123e")).isGreaterThan(v("2.8.123"));
        assertThat(v("2.8.123e")).isGreaterThan(v("2.8.123d"));
        assertThat(v("2.8.123e")).isLessThan(v("2.8.124"));
        assertThat(v("1.1.1w")).isLessThan(v("1.1.1za"));
    }

    @Test
    void buildNumbersAndDates() {
        assertThat(v("10.0.22631.4460")).isGreaterThan(v("10.0.22631.4391"));
        assertThat(v("10.0.22631.4460")).isLessThan(v("10.0.26100.1"));
        assertThat(v("2024-01-15")).isLessThan(v("2024-02-01"));
        assertThat(v("20240115")).isEqualTo(v("2024.1.15"));
    }

    @Test
    void notVersionsAreEmpty() {
        assertThat(Version.parse("latest")).isEmpty();
        assertThat(Version.parse("24H2 Pro")).isEmpty();
        assertThat(Version.parse("")).isEmpty();
    }

    @Test
    void linesAndPrefixes() {
        assertThat(v("11.8.6").isOnLine(v("11.8"))).isTrue();
        assertThat(v("11.9.0").isOnLine(v("11.8"))).isFalse();
        assertThat(v("2026.1.4").line().toString()).isEqualTo("2026.1");
        assertThat(v("v1.2.3").toString()).isEqualTo("v1.2.3");
        assertThat(v("v1.2.3")).isEqualTo(v("1.2.3"));
    }
}
