package dev.shirase.inventory.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.inventory.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every JVN phrase named in the issue, read from a version field or from description text. */
class VersionPhraseParserTest {

    private static Verdict verdict(String text, String version) {
        return assess(text, version).verdict();
    }

    private static Assessment assess(String text, String version) {
        return VersionPhraseParser.parse(text).assess(Version.parse(version), label -> true);
    }

    @Test
    void miman_isExclusive() {
        assertThat(verdict("0.29.0未満", "0.28.9")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("0.29.0未満", "0.29.0")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void yoriMae_isExclusive() {
        assertThat(verdict("バージョン1.3.2より前のバージョンに影響します", "1.3.1")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("バージョン1.3.2より前のバージョンに影響します", "1.3.2")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("バージョン 1.3.12 より前のバージョンに影響します", "1.3.11")).isEqualTo(Verdict.AFFECTED);
    }

    @Test
    void ika_izen_oyobiSoreIzen_areInclusive() {
        assertThat(verdict("7.4.8以下", "7.4.8")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("7.4.8以下", "7.4.9")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("155.0.8059.39以前", "155.0.8059.39")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("155.0.8059.39以前", "156.0.1")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("バージョン 3.2.1 およびそれ以前", "3.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("バージョン 3.2.1 およびそれ以前", "3.2.2")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void ijou_ikou_areLowerBounds() {
        assertThat(verdict("2.0以上", "2.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("2.0以上", "1.9.9")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("5.1 以降", "6.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("2.0以上2.4.68以下", "2.4.69")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("2.0以上2.4.68以下", "2.4.60")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("2.0 以上 2.5 未満", "2.5")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void rangesWithKaraTildeAndDash() {
        String kara = "この問題はApache HTTPサーバーのバージョン2.4.60から2.4.68までに影響を及ぼします。";
        assertThat(verdict(kara, "2.4.60")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(kara, "2.4.68")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(kara, "2.4.59")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict(kara, "2.4.69")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("3.0.0〜3.0.15", "3.0.7")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("3.0.0～3.0.15", "3.0.16")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("v2.1.0-2.1.9", "2.1.5")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("2.1.0-2.1.9", "2.2.0")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void allVersions() {
        assertThat(verdict("すべてのバージョン", "1.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(assess("すべてのバージョン", "1.0").detail()).contains("すべてのバージョン");
    }

    @Test
    void fixedInMeansBelowIsAffected() {
        assertThat(verdict("Firefox 157 で修正", "156.0.1")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("Firefox 157 で修正", "157.0")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("この問題を修正したバージョン2.4.69へアップグレードすることを推奨します", "2.4.68")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("この問題を修正したバージョン2.4.69へアップグレードすることを推奨します", "2.4.69")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void oneBoundPerReleaseLine() {
        String text = "GitLab CE/EE 11.9.x（11.9.0以下）、11.8.x（11.8.4以下）が影響を受けます";
        assertThat(verdict(text, "11.8.6")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict(text, "11.8.3")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "11.9.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "11.7.2")).isEqualTo(Verdict.CHECK);
        assertThat(verdict(text, "12.0.1")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void listOfVersionsWithOneIzenBoundsEachLine() {
        String text = "JetBrains TeamCity の 2026.2、2026.1.4、および 2025.11.8 以前のバージョンにおいて";
        assertThat(verdict(text, "2026.1.3")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "2025.11.8")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "2025.11.9")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void statedUnaffectedLines() {
        String text = "OpenSSL 3.5.4 未満、3.4.3 未満が影響を受けます。OpenSSL 3.0、1.1.1 ではこの問題の影響を受けません。";
        assertThat(verdict(text, "3.0.13")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict(text, "1.1.1w")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(assess(text, "1.1.1w").detail()).contains("1.1.1");
    }

    @Test
    void numbersThatAreNotProductVersionsAreIgnored() {
        assertThat(VersionPhraseParser.parse("TLS 1.2 以前のプロトコルを使用する場合").ranges()).isEmpty();
        assertThat(VersionPhraseParser.parse("RFC 9000 セクション5.1.1 以前の規定に違反").ranges()).isEmpty();
        assertThat(VersionPhraseParser.parse("CVSS v3 基本値 9.8 以上の脆弱性").ranges()).isEmpty();
        assertThat(VersionPhraseParser.parse("CVE-2026-1234 より前に報告された").ranges()).isEmpty();
        assertThat(VersionPhraseParser.parse("2026年10月1日以前に公開").ranges()).isEmpty();
        assertThat(verdict("TLS 1.2 を使用する製品に影響", "1.0")).isEqualTo(Verdict.CHECK);
    }

    @Test
    void noPhraseMeansCheckNeverAGuess() {
        assertThat(verdict("JCTables 1.21.1における認証なしのSQLインジェクション", "1.21.1")).isEqualTo(Verdict.CHECK);
        assertThat(verdict("", "1.0")).isEqualTo(Verdict.CHECK);
        assertThat(verdict("155.0.8059.39以前", "")).isEqualTo(Verdict.CHECK);
        assertThat(assess("155.0.8059.39以前", "").detail()).contains("version unknown").contains("155.0.8059.39以前");
    }

    @Test
    void labelsKeepOtherProductsBoundsApart() {
        AffectedVersions av = VersionPhraseParser.parse("Firefox 157、Firefox ESR 140.5、Thunderbird 157 で修正");
        java.util.function.Predicate<String> firefoxEsr = l -> l.isEmpty() || l.equals("firefox esr");
        assertThat(av.assess(Version.parse("140.4"), firefoxEsr).verdict()).isEqualTo(Verdict.AFFECTED);
        assertThat(av.assess(Version.parse("140.5"), firefoxEsr).verdict()).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void englishPhrases() {
        assertThat(verdict("versions prior to 4.2.1", "4.2.0")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("4.2.1 and earlier", "4.2.1")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("fixed in 4.3", "4.3")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void letterSuffixedBound() {
        assertThat(verdict("2.8.123e以前", "2.8.123d")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("2.8.123e以前", "2.8.123f")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void buildNumberBound() {
        assertThat(verdict("10.0.22631.4460 より前", "10.0.22631.4391")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("10.0.22631.4460 より前", "10.0.22631.4460")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void reasonQuotesThePhrase() {
        Assessment a = assess("7.4.8以下", "7.4.3");
        assertThat(a.detail()).isEqualTo("7.4.3 ≤ 7.4.8 「7.4.8以下」");
        assertThat(Optional.of(a.verdict())).contains(Verdict.AFFECTED);
    }

    @Test
    void notAffectedClauseStopsAtTheContrast() {
        String text = "7.4.0 から 7.4.8 は影響を受けますが、7.2 は影響を受けません。";
        assertThat(verdict(text, "7.4.3")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "7.2.5")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void fixedVersionsWrittenAsLowerBoundsAreFixes() {
        assertThat(verdict("修正済みバージョン：3.0.15 以降", "3.0.14")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict("影響を受けないバージョン：3.0.15以降", "3.0.15")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("2.4.69以降へアップデートしてください", "2.4.68")).isEqualTo(Verdict.AFFECTED);
    }

    @Test
    void allVersionsOfOneLine() {
        String text = "7.4.0 から 7.4.8 まで、7.2 系のすべてのバージョン";
        assertThat(verdict(text, "7.2.11")).isEqualTo(Verdict.AFFECTED);
        assertThat(verdict(text, "7.4.9")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(verdict("7.0.x のすべてのバージョン", "7.0.17")).isEqualTo(Verdict.AFFECTED);
    }

    @Test
    void cvssScoresAreNotVersions() {
        AffectedVersions av = VersionPhraseParser.parse("CVSS v3による深刻度 基本値: 9.8 (緊急) CVSS:3.1/AV:N/AC:L 以上");
        assertThat(av.ranges()).isEmpty();
    }
}
