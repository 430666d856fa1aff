package dev.shirase.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierExtractorTest {
    @Test
    void findsEveryKindInJapaneseTextWithoutSpaces() {
        assertThat(IdentifierExtractor.extract("Adobe Flash Player の脆弱性対策について(APSB16-04)(CVE-2016-0985等)"))
                .extracting(Identifier::value).containsExactly("CVE-2016-0985");
        assertThat(IdentifierExtractor.extract("参考：JVNVU#94062711、JVN#12345678及びJVNDB-2026-037242を参照"))
                .extracting(Identifier::value)
                .containsExactlyInAnyOrder("JVNVU#94062711", "JVN#12345678", "JVNDB-2026-037242");
    }

    @Test
    void normalisesCaseAndFullWidthSeparators() {
        assertThat(IdentifierExtractor.extract("cve－2024－12345 と jvnvu＃94062711"))
                .containsExactlyInAnyOrder(Identifier.of(IdentifierType.CVE, "CVE-2024-12345"),
                        Identifier.of(IdentifierType.JVNVU, "JVNVU#94062711"));
        assertThat(IdentifierExtractor.parse(" jvndb-2026-037242 ")).contains(
                Identifier.of(IdentifierType.JVNDB, "JVNDB-2026-037242"));
    }

    @Test
    void doesNotMatchInsideLongerTokens() {
        assertThat(IdentifierExtractor.extract("XCVE-2024-1234 CVE-2024-12345678 JVNVU#123456789")).isEmpty();
        assertThat(IdentifierExtractor.extract(null)).isEmpty();
    }
}
