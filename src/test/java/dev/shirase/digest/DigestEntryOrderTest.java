package dev.shirase.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestEntryOrderTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.UTC);

    private static DigestEntry e(String id, boolean kev, boolean jp, Double cvss, Double epss, int daysAgo) {
        return new DigestEntry(List.of(id), id, List.of(), "", Optional.empty(), List.of(), kev,
                Optional.ofNullable(cvss), Optional.ofNullable(epss), jp, T.minusDays(daysAgo));
    }

    @Test
    void kevThenJapaneseAlertThenCvssThenEpssThenRecency() {
        List<DigestEntry> entries = new ArrayList<>(List.of(
                e("plain-old", false, false, null, null, 5),
                e("plain-new", false, false, null, null, 1),
                e("epss-high", false, false, null, 0.9, 6),
                e("cvss-7-epss-low", false, false, 7.0, 0.01, 1),
                e("cvss-7-epss-high", false, false, 7.0, 0.5, 3),
                e("cvss-9.8", false, false, 9.8, null, 6),
                e("jp-alert-low", false, true, 4.0, null, 6),
                e("jp-alert-high", false, true, 8.1, null, 6),
                e("kev-no-cvss", true, false, null, null, 6),
                e("kev-jp", true, true, 5.0, null, 6)));
        Collections.shuffle(entries, new java.util.Random(7));
        entries.sort(DigestEntryOrder.INSTANCE);
        assertThat(entries).extracting(DigestEntry::title).containsExactly(
                "kev-jp", "kev-no-cvss", "jp-alert-high", "jp-alert-low", "cvss-9.8",
                "cvss-7-epss-high", "cvss-7-epss-low", "epss-high", "plain-new", "plain-old");
    }

    @Test
    void keysAreStableAndNothingMatchedIsDerivedFromSections() {
        DateWindow w = DateWindow.weekBefore(LocalDate.of(2026, 11, 23));
        assertThat(DigestKeys.digest(Audience.ADMINS, w)).isEqualTo("digest:admins:2026-11-16..2026-11-23");
        assertThat(w.lastDay()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(DigestKeys.alert(Audience.STAFF, "CVE-2026-1", "fortigate", "affected+kev"))
                .isEqualTo("alert:staff:CVE-2026-1:fortigate:affected+kev");
        Digest empty = new Digest("k", Kind.DIGEST, Audience.STAFF, null, w,
                List.of(new DigestSection(SectionKind.AFFECTED, List.of()),
                        new DigestSection(SectionKind.ALERTS, List.of(e("a", false, true, null, null, 0)))),
                null, Optional.empty());
        assertThat(empty.nothingMatched()).isTrue();
        assertThat(empty.entryCount()).isEqualTo(1);
        assertThat(empty.locale().getLanguage()).isEqualTo("ja");
        DigestSection sorted = new DigestSection(SectionKind.CHECK,
                List.of(e("low", false, false, 3.0, null, 0), e("kev", true, false, null, null, 0))).sorted();
        assertThat(sorted.items()).extracting(DigestEntry::title).containsExactly("kev", "low");
        assertThat(Audience.parse("Admins")).isEqualTo(Audience.ADMINS);
    }
}
