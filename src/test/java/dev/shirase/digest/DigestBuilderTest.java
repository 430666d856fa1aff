package dev.shirase.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest over a real store filled through the real pipeline from the bundled samples and the example inventory,
 * plus a JPCERT alert naming CVE-2026-106302 (JVNDB-2026-037242) and a KEV listing of CVE-2026-106303
 * (JVNDB-2026-037241).
 */
class DigestBuilderTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateWindow OCTOBER = DateWindow.weekBefore(LocalDate.parse("2026-10-10"));

    @TempDir
    static Path dir;
    static PipelineFixture fixture;

    @BeforeAll
    static void fill() throws Exception {
        fixture = PipelineFixture.create(dir, Instant.parse("2026-10-10T00:00:00Z"), "", Map.of());
        fixture.pollAll();
        fixture.ingest(PipelineFixture.jpcertAlert("JPCERT-AT-2026-9001", "CVE-2026-106302", "2026-10-08T10:00:00+09:00"));
        fixture.listInKev("CVE-2026-106303");
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static Digest digest(Audience audience, DateWindow window, Locale locale) {
        return fixture.services.digestBuilder().build(audience, window, TOKYO, locale);
    }

    private static List<DigestEntry> section(Digest d, SectionKind kind) {
        return d.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().items();
    }

    @Test
    void sectionsInOrderWithAffectedOrderedByKevThenJapaneseAlertThenCvss() {
        Digest d = digest(Audience.ADMINS, OCTOBER, Locale.JAPANESE);
        assertThat(d.key()).isEqualTo("digest:admins:2026-10-03..2026-10-10");
        assertThat(d.sections()).extracting(DigestSection::kind)
                .containsExactly(SectionKind.AFFECTED, SectionKind.CHECK, SectionKind.ALERTS, SectionKind.SUMMARY);
        List<DigestEntry> affected = section(d, SectionKind.AFFECTED);
        assertThat(affected).extracting(e -> e.ids().get(0))
                .containsExactly("JVNDB-2026-037241", "JPCERT-AT-2026-9001", "JVNDB-2026-036911");
        assertThat(affected.get(0).kev()).isTrue();
        assertThat(affected.get(0).japaneseAlert()).isFalse();
        assertThat(affected.get(1).japaneseAlert()).isTrue();
        assertThat(affected.get(2).cvss()).contains(3.7);
        assertThat(d.nothingMatched()).isFalse();
    }

    @Test
    void oneEntryPerThreatWithAllItsIds() {
        Digest d = digest(Audience.ADMINS, OCTOBER, Locale.JAPANESE);
        List<DigestEntry> all = d.sections().stream().flatMap(s -> s.items().stream()).toList();
        assertThat(all).filteredOn(e -> e.ids().contains("JVNDB-2026-037242")).hasSize(1);
        assertThat(all).filteredOn(e -> e.ids().contains("JPCERT-AT-2026-9001")).hasSize(1);
        DigestEntry chrome = all.stream().filter(e -> e.ids().contains("JVNDB-2026-037242")).findFirst().orElseThrow();
        assertThat(chrome.ids()).containsExactly("JPCERT-AT-2026-9001", "JVNDB-2026-037242", "CVE-2026-106302");
        // The title is the matched vulnerability's, not the alert's; links: both pages and the archive page.
        assertThat(chrome.title()).startsWith("GoogleのGoogle Chrome");
        assertThat(chrome.links()).extracting(Link::url).containsExactly(
                "https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html",
                "https://www.jpcert.or.jp/at/2026/JPCERT-AT-2026-9001.html",
                "https://shirase.example.jp/advisories/JVNDB-2026-037242");
    }

    @Test
    void entryNamesAssetVersionOwnerAndReason() {
        DigestEntry httpd = section(digest(Audience.ADMINS, OCTOBER, Locale.JAPANESE), SectionKind.AFFECTED).get(2);
        assertThat(httpd.assets()).containsExactly(AssetLine.of("公開Webサーバー", "2.4.62", "情報システム部 佐藤"));
        assertThat(httpd.reason()).startsWith("Apache HTTP Server 2.4.60 ≤ 2.4.62 ≤ 2.4.68");
        // An inclusive upper bound (まで) names no fixed version: no guessed action.
        assertThat(httpd.action()).isEmpty();
    }

    @Test
    void checkSectionHoldsUndecidedVersions() {
        List<DigestEntry> check = section(digest(Audience.ADMINS, OCTOBER, Locale.JAPANESE), SectionKind.CHECK);
        assertThat(check).extracting(e -> e.ids().get(0))
                .containsExactly("JVNDB-2026-036909", "JVNDB-2026-036910", "JVN#91153973");
        assertThat(check.get(0).assets()).containsExactly(new AssetLine("CIサーバー", Optional.empty(), Optional.of("開発部")));
        assertThat(check.get(0).reason()).startsWith("TeamCity version unknown in inventory");
    }

    @Test
    void alertsSectionHasJapaneseAlertsWhateverWeRun() {
        Digest d = digest(Audience.ADMINS, DateWindow.weekBefore(LocalDate.parse("2026-02-27")), Locale.JAPANESE);
        List<DigestEntry> alerts = section(d, SectionKind.ALERTS);
        assertThat(alerts).extracting(e -> e.ids().get(0)).contains("IPA-2025-20260225-jvn");
        assertThat(alerts.get(0).japaneseAlert()).isTrue();
        assertThat(alerts.get(0).assets()).isEmpty();
    }

    @Test
    void summaryCountsPerSourceAndNamesTheFailingSource() {
        DigestSummary summary = digest(Audience.ADMINS, OCTOBER, Locale.JAPANESE).summary();
        assertThat(summary.sources()).extracting(SourceHealthLine::source).startsWith("ipa-alert", "jpcert", "jvn", "jvndb")
                .endsWith("broken");
        assertThat(summary.sources()).filteredOn(s -> s.source().equals("jvndb")).singleElement()
                .satisfies(s -> assertThat(s.advisories()).isEqualTo(12));
        assertThat(summary.failing()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("broken");
            assertThat(s.failure().orElseThrow()).contains("HTTP 404");
        });
    }

    @Test
    void aQuietWeekSaysNothingMatchedAndStillHasTheSummary() {
        Digest d = digest(Audience.ADMINS, DateWindow.weekBefore(LocalDate.parse("2026-09-05")), Locale.JAPANESE);
        assertThat(d.nothingMatched()).isTrue();
        assertThat(d.entryCount()).isZero();
        assertThat(d.summary().sources()).filteredOn(s -> s.source().equals("jvn")).singleElement()
                .satisfies(s -> assertThat(s.advisories()).isEqualTo(2));
        String text = fixture.services.renderer().render(d).text();
        assertThat(text).contains("今週は該当なし").contains("broken");
    }

    @Test
    void staffSeeTheThreatsWithoutMatchingDetail() {
        Digest d = digest(Audience.STAFF, OCTOBER, Locale.JAPANESE);
        assertThat(d.key()).isEqualTo("digest:staff:2026-10-03..2026-10-10");
        DigestEntry first = section(d, SectionKind.AFFECTED).get(0);
        assertThat(first.assets()).containsExactly(new AssetLine("社員PC Google Chrome", Optional.empty(), Optional.empty()));
        assertThat(first.reason()).isEmpty();
    }

    @Test
    void englishDigestRendersEnglishWording() {
        Digest d = digest(Audience.ADMINS, DateWindow.weekBefore(LocalDate.parse("2026-09-05")), Locale.ENGLISH);
        assertThat(fixture.services.renderer().render(d).text()).doesNotContain("今週は該当なし");
    }
}
