package dev.shirase.deliver;

import dev.shirase.digest.AssetLine;
import dev.shirase.digest.Audience;
import dev.shirase.digest.DateWindow;
import dev.shirase.digest.Digest;
import dev.shirase.digest.DigestEntry;
import dev.shirase.digest.DigestKeys;
import dev.shirase.digest.DigestSection;
import dev.shirase.digest.DigestSummary;
import dev.shirase.digest.Kind;
import dev.shirase.digest.Link;
import dev.shirase.digest.SectionKind;
import dev.shirase.digest.SourceHealthLine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Digests for the delivery tests. */
public final class SampleDigests {
    public static final DateWindow WINDOW = new DateWindow(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23));
    public static final String HOSTILE_TITLE = "<!channel> <script>alert(1)</script> [x](javascript:alert(2)) & <@U123>";
    static final OffsetDateTime PUBLISHED = OffsetDateTime.of(2026, 11, 18, 9, 0, 0, 0, ZoneOffset.ofHours(9));

    private static RenderedMessage renderedLarge;

    private SampleDigests() {
    }

    /** The 120-entry digest rendered with the bundled templates, shared by the test classes (it is slow to render). */
    public static synchronized RenderedMessage renderedLarge() {
        if (renderedLarge == null) {
            renderedLarge = DigestRenderer.bundled().render(large(120));
        }
        return renderedLarge;
    }

    public static DigestEntry fortiEntry() {
        return new DigestEntry(List.of("JVNDB-2026-001234", "CVE-2026-24858"),
                "FortiOS における認証回避の脆弱性",
                List.of(AssetLine.of("FortiGate 60F", "7.4.3", "情報システム部")),
                "FortiOS 7.4.3 ≤ 7.4.8 (JVNDB-2026-001234, sec:cpe fortinet:fortios)",
                Optional.of("7.4.9 へ更新"),
                List.of(new Link("JVNDB-2026-001234", "https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-001234.html")),
                true, Optional.of(9.8), Optional.of(0.943), true, PUBLISHED);
    }

    public static DigestEntry hostileEntry() {
        return new DigestEntry(List.of("JVN#66666666"), HOSTILE_TITLE,
                List.of(AssetLine.of("<b>Web</b>", null, null)),
                "reason with <!here> and <https://evil.example|click>",
                Optional.empty(),
                List.of(new Link("evil", "javascript:alert(3)"),
                        new Link("data", "data:text/html,<script>alert(4)</script>"),
                        new Link("ok <b>", "https://jvn.jp/vu/JVNVU99999999/?a=1&b=2")),
                false, Optional.empty(), Optional.empty(), false, PUBLISHED);
    }

    public static DigestEntry numbered(int i) {
        return new DigestEntry(List.of("JVNDB-2026-" + String.format("%06d", i), "CVE-2026-" + (10000 + i)),
                "テスト製品 " + i + " におけるクロスサイトスクリプティングの脆弱性（長めのタイトルで実際のフィードに近づける）",
                List.of(AssetLine.of("社内ポータル " + i, "2.3." + i, "総務部")),
                "社内ポータル 2.3." + i + " < 2.4.0 (JVNDB-2026-" + String.format("%06d", i) + ", sec:cpe example:portal)",
                Optional.of("2.4.0 へ更新"),
                List.of(new Link("JVNDB", "https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-" + String.format("%06d", i) + ".html"),
                        new Link("JVN", "https://jvn.jp/jp/JVN" + (10000000 + i) + "/")),
                false, Optional.of(5.0 + (i % 50) / 10.0), Optional.of(0.001 * i), false, PUBLISHED.minusHours(i));
    }

    static DigestSummary summary() {
        return new DigestSummary(List.of(SourceHealthLine.healthy("jvndb", 412),
                SourceHealthLine.failing("jc3", 0, "HTTP 503 since 2026-11-20")));
    }

    public static Digest small(Locale locale) {
        return new Digest(DigestKeys.digest(Audience.ADMINS, WINDOW), Kind.DIGEST, Audience.ADMINS, locale, WINDOW,
                List.of(new DigestSection(SectionKind.AFFECTED, List.of(fortiEntry())),
                        new DigestSection(SectionKind.CHECK, List.of(hostileEntry())),
                        new DigestSection(SectionKind.ALERTS, List.of())),
                summary(), Optional.of("https://shirase.example.jp/digests/2026-11-23"));
    }

    public static Digest empty(Locale locale) {
        return new Digest(DigestKeys.digest(Audience.STAFF, WINDOW), Kind.DIGEST, Audience.STAFF, locale, WINDOW,
                List.of(new DigestSection(SectionKind.AFFECTED, List.of()),
                        new DigestSection(SectionKind.CHECK, List.of()),
                        new DigestSection(SectionKind.ALERTS, List.of())),
                summary(), Optional.empty());
    }

    public static Digest large(int entries) {
        List<DigestEntry> items = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            items.add(numbered(i));
        }
        return new Digest("digest:admins:large-" + entries, Kind.DIGEST, Audience.ADMINS, Locale.JAPANESE, WINDOW,
                List.of(new DigestSection(SectionKind.AFFECTED, items)),
                summary(), Optional.of("https://shirase.example.jp/digests/2026-11-23"));
    }
}
