package dev.shirase.store;

import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Advisories for store tests and the benchmark. */
final class TestAdvisories {

    static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private TestAdvisories() {
    }

    /** Every field set: +09:00 dates with seconds and nanos, CJK text, products with and without version. */
    static Advisory rich() {
        return Advisory.parsed("JVNDB-2026-037242", "jvndb", "https://jvndb.jvn.jp/ja/contents/2026/JVNDB-2026-037242.html",
                "Google Chrome における解放済みメモリの使用（Use-After-Free）の脆弱性",
                "Google Chrome には、解放済みメモリの使用に関する脆弱性が存在します。\n改ざん・認証回避の恐れ。「全角」ＡＢＣ",
                OffsetDateTime.of(2026, 1, 7, 10, 30, 0, 0, JST),
                OffsetDateTime.of(2026, 1, 8, 17, 45, 12, 123_000_000, JST),
                Category.VULNERABILITY,
                Set.of(Identifier.of(dev.shirase.advisory.IdentifierType.JVNDB, "JVNDB-2026-037242"),
                        Identifier.of(dev.shirase.advisory.IdentifierType.CVE, "CVE-2026-106302"),
                        Identifier.of(dev.shirase.advisory.IdentifierType.CVE, "CVE-2026-0001"),
                        Identifier.of(dev.shirase.advisory.IdentifierType.JVNVU, "JVNVU#94062711")),
                List.of(new Cvss("3.0", 8.8, Severity.HIGH, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"),
                        new Cvss("2.0", 6.8, Severity.MEDIUM, "AV:N/AC:M/Au:N/C:P/I:P/A:P"),
                        new Cvss("4.0", 9.3, Severity.CRITICAL, "")),
                List.of(new AffectedProduct(Optional.of("cpe:/a:google:chrome"), "グーグル", "Google Chrome",
                                Optional.of("155.0.8059.39 より前のバージョン")),
                        new AffectedProduct(Optional.of("cpe:2.3:a:fortinet:fortios:*:*:*:*:*:*:*:*"), "Fortinet", "FortiOS",
                                Optional.empty()),
                        new AffectedProduct(Optional.empty(), "サイボウズ", "サイボウズ Office", Optional.of("10.0.0 から 10.8.6"))),
                List.of(new Reference("CVE", "CVE-2026-106302", "CVE-2026-106302", "https://www.cve.org/CVERecord?id=CVE-2026-106302"),
                        new Reference("関連文書", "", "Chrome リリース", "https://chromereleases.googleblog.com/"),
                        new Reference("", "CWE-416", "解放済みメモリの使用(CWE-416)", "")));
    }

    /** A small advisory carrying the given identifier strings (canonical forms). */
    static Advisory withIds(String id, String source, String title, String... identifiers) {
        Set<Identifier> ids = Arrays.stream(identifiers)
                .map(s -> IdentifierExtractor.parse(s).orElseThrow(() -> new IllegalArgumentException(s)))
                .collect(Collectors.toSet());
        return Advisory.parsed(id, source, "https://example.jp/" + id, title, "", 
                OffsetDateTime.of(2026, 2, 1, 9, 0, 0, 0, JST), null, Category.VULNERABILITY,
                ids, List.of(), List.of(), List.of());
    }

    /** The n-th synthetic advisory for bulk tests and the benchmark. */
    static Advisory synthetic(int n) {
        String cve = String.format("CVE-2025-%05d", n);
        String id = String.format("JVNDB-2025-%06d", n);
        return Advisory.parsed(id, "jvndb", "https://jvndb.jvn.jp/ja/contents/2025/" + id + ".html",
                "製品 " + n + " におけるクロスサイトスクリプティングの脆弱性",
                "製品 " + n + " には、クロスサイトスクリプティングの脆弱性が存在します。想定される影響は、"
                        + "当該製品にログインした状態のユーザのウェブブラウザ上で、任意のスクリプトを実行される可能性があります。",
                OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, JST).plusMinutes(n), null, Category.VULNERABILITY,
                Set.of(Identifier.of(dev.shirase.advisory.IdentifierType.JVNDB, id),
                        Identifier.of(dev.shirase.advisory.IdentifierType.CVE, cve)),
                List.of(new Cvss("3.0", 6.1, Severity.MEDIUM, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")),
                List.of(new AffectedProduct(Optional.of("cpe:/a:vendor" + (n % 100) + ":product" + n), "Vendor", "Product " + n,
                        Optional.of("1." + n + " およびそれ以前"))),
                List.of(new Reference("CVE", cve, cve, "https://www.cve.org/CVERecord?id=" + cve)));
    }

    /** The advisory as a parser delivers it: no enrichment, revision 0. */
    static Advisory asParsed(Advisory stored) {
        return stored.withEnrichment(Optional.empty(), Optional.empty()).withRevision(0);
    }
}
