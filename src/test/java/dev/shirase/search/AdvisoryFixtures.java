package dev.shirase.search;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.KevEntry;
import dev.shirase.advisory.Severity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Advisories built by hand from the real feed samples in src/test/resources/fixtures/feeds (titles, descriptions,
 * identifiers, dates, CPE vendors and CVSS copied from jvndb-new-rss-sample.rdf, jvn-rss-sample.rdf and
 * jpcert-rss-sample.rdf), so the search tests do not depend on the parsers. The few synthetic ones are marked.
 */
final class AdvisoryFixtures {

    static final String JVNDB = "jvndb";
    static final String JVN = "jvn";
    static final String JPCERT = "jpcert";

    private AdvisoryFixtures() {
    }

    /** Every real advisory below: 12 JVN iPedia, 20 JVN, 7 JPCERT/CC. */
    static List<Advisory> real() {
        List<Advisory> all = new ArrayList<>();
        all.addAll(jvndb());
        all.addAll(jvn());
        all.addAll(jpcert());
        return all;
    }

    static List<Advisory> jvndb() {
        return List.of(
                jvndb("JVNDB-2026-037242", "GoogleのGoogle Chromeにおけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性",
                        "Google Chrome 155.0.8059.39以前のPermissionElementにおけるUI誤表示により、リモートの攻撃者がソーシャルエンジニアリングを利用して、細工されたHTMLページを介してUI要素を偽装できる可能性がありました。（Chromiumセキュリティの深刻度：中）",
                        "2026-10-08T19:59+09:00", 5.4, Severity.MEDIUM, List.of("CVE-2026-106302"),
                        product("Google", "Google Chrome", "cpe:/a:google:chrome")),
                jvndb("JVNDB-2026-037241", "GoogleのGoogle Chromeにおける観測可能な不一致に関する脆弱性",
                        "155.0.8059.39以前のGoogle ChromeのAutofill AIにおける観察可能な不整合により、レンダラープロセスを乗っ取ったリモート攻撃者がソーシャルエンジニアリングを利用し、細工されたHTMLページを介して機密情報を取得できる可能性がありました。（Chromiumのセキュリティ重大度は中です）",
                        "2026-10-08T19:59+09:00", 5.3, Severity.MEDIUM, List.of("CVE-2026-106303"),
                        product("Google", "Google Chrome", "cpe:/a:google:chrome")),
                jvndb("JVNDB-2026-036917", "CISA ICS Advisory / ICS Medical Advisory（2026年10月06日）",
                        "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。\n新規：6件\nICSA-26-279-01: Johnson Controls EasyIO FG\nICSA-26-279-02: Savannah lwIP SMTP client\nICSA-26-279-03: Hitachi Energy Asset Suite",
                        "2026-10-08T13:53+09:00", 0, Severity.UNKNOWN, List.of("JVNVU#94062711"),
                        product("（複数のベンダ）", "（複数の製品）", "")),
                jvndb("JVNDB-2026-036916", "クアルコムのPackage Manager等の複数製品における危険なメソッドや機能の公開に関する脆弱性",
                        "gRPCサーバーを介して権限昇格を引き起こす危険な関数が公開されています。",
                        "2026-10-07T18:47+09:00", 7.8, Severity.HIGH, List.of("CVE-2026-25255"),
                        product("クアルコム", "Package Manager", ""), product("クアルコム", "Qualcomm Software Center", "")),
                jvndb("JVNDB-2026-036915", "クアルコムのMDM9207 ファームウェア等の複数製品における任意の場所に任意の値を書き込み可能な状態に関する脆弱性",
                        "プライマリブートローダーで細工されたELFファイルを処理中にメモリが破損しました。",
                        "2026-10-07T18:47+09:00", 6.3, Severity.MEDIUM, List.of("CVE-2026-25262"),
                        product("クアルコム", "MDM9207 ファームウェア", ""), product("クアルコム", "SDX50 Firmware", "")),
                jvndb("JVNDB-2026-036914", "joomcodeのJCTablesにおけるSQL インジェクションの脆弱性",
                        "Joomla拡張機能 - joomcode.com - JCTables 1.21.1における認証なしのSQLインジェクションについて、フロントエンドのCRUD APIコントローラは、Joomlaのトークン検証も認証チェックもいかなるタスクに対しても行いません。そのため、テーブル名、カラム名、値はリクエストパラメータから直接取得され、SQLクエリに連結されます。このため、読み取りおよび書き込みクエリに対してSQLインジェクションが可能となっています。",
                        "2026-10-07T18:47+09:00", 9.1, Severity.CRITICAL, List.of("CVE-2026-76570"),
                        product("joomcode", "JCTables", "")),
                jvndb("JVNDB-2026-036913", "Apache Software FoundationのSling Securityにおける同一生成元ポリシー違反に関する脆弱性",
                        "Apache Sling Security Bundleの脆弱性：ReferrerFilterがオリジンよりも弱い証拠を受け入れてしまう問題があります。この問題はApache Sling Security Bundleのバージョン1.3.2より前のバージョンに影響します。ユーザーは、この問題を修正したバージョン1.3.2にアップグレードすることを推奨します。",
                        "2026-10-07T18:47+09:00", 7.3, Severity.HIGH, List.of("CVE-2026-94243"),
                        product("Apache Software Foundation", "Sling Security", "")),
                jvndb("JVNDB-2026-036912", "Apache Software FoundationのSling Securityにおける保護メカニズムの不具合に関する脆弱性",
                        "Apache Sling Security Bundle の脆弱性：ContentDispositionFilter はリソースのアドレスや API の形態のうち一つしか中継しない問題があります。この問題は Apache Sling Security Bundle のバージョン 1.3.12 より前のバージョンに影響します。ユーザーは この問題を修正したバージョン 1.3.12 へアップグレードすることを推奨します。",
                        "2026-10-07T18:47+09:00", 6.5, Severity.MEDIUM, List.of("CVE-2026-94251"),
                        product("Apache Software Foundation", "Sling Security", "")),
                jvndb("JVNDB-2026-036911", "Apache Software FoundationのApache HTTP Serverにおける誤ったハンドラの展開に関する脆弱性",
                        "Apache HTTPサーバーにおける誤ったハンドラの展開の脆弱性により、CGIプログラムからの一部の内部リダイレクトの対象がCGIとして扱われ、実行される可能性があります。対象はすでにCGIが有効なディレクトリ内にあり、mod_mimeによって理解される他の拡張子を持っていない必要があります。この問題はApache HTTPサーバーのバージョン2.4.60から2.4.68までに影響を及ぼします。",
                        "2026-10-07T18:47+09:00", 3.7, Severity.LOW, List.of("CVE-2026-42356"),
                        product("Apache Software Foundation", "Apache HTTP Server", "cpe:/a:apache:http_server")),
                jvndb("JVNDB-2026-036910", "JetBrainsのTeamCityにおける不完全なブラックリストに関する脆弱性",
                        "JetBrains TeamCity の 2026.2、2026.1.4、および 2025.11.8 以前のバージョンにおいて、バージョン管理された設定 Kotlin DSL を介したサンドボックス脱出によりコードの実行が可能でした。",
                        "2026-10-07T18:47+09:00", 8.8, Severity.HIGH, List.of("CVE-2026-100253"),
                        product("JetBrains", "TeamCity", "cpe:/a:jetbrains:teamcity")),
                jvndb("JVNDB-2026-036909", "JetBrainsのTeamCityにおけるOS コマンドインジェクションの脆弱性",
                        "JetBrains TeamCityの2026.2より前のバージョン、具体的には2026.1.4および2025.11.8において、認証済みユーザーがPipelineのGit接続設定内のCRLFインジェクションを介してWindowsサーバー上でコマンドを実行できる脆弱性が存在していました。",
                        "2026-10-07T18:47+09:00", 8.8, Severity.HIGH, List.of("CVE-2026-100254"),
                        product("JetBrains", "TeamCity", "cpe:/a:jetbrains:teamcity")),
                jvndb("JVNDB-2026-036908", "vLLMにおける入力確認に関する脆弱性",
                        "vLLMのバージョン0.29.0未満には、OpenAI互換およびAnthropic APIエンドポイントで受け付けるcache_saltパラメータにサービス拒否（DoS）の脆弱性があります。このパラメータは最大長の検証が欠如しており、単一のEngineCoreスケジューラースレッド上で処理されます。認証されていない攻撃者は、数百メガバイトのマルチサイズのsalt値を含むHTTPリクエストを送信することで、高コストなpickleシリアル化およびSHA-256ハッシュ化を引き起こし、スケジューラースレッドを停止させ、すべての同時リクエストに対してサービス拒否を発生させることができます。",
                        "2026-10-07T18:47+09:00", 7.5, Severity.HIGH, List.of("CVE-2026-100647"),
                        product("vLLM", "vLLM", "")));
    }

    static List<Advisory> jvn() {
        return List.of(
                jvn("JVNVU#91137775", "https://jvn.jp/vu/JVNVU91137775/", "CISA ICS Advisory / ICS Medical Advisory（2026年10月08日）",
                        "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。", "2026-10-09T09:00:00+09:00"),
                jvn("JVN#91153973", "https://jvn.jp/jp/JVN91153973/", "Movable Typeにおける複数の脆弱性",
                        "シックス・アパート株式会社が提供するMovable Typeには複数の脆弱性が存在します。", "2026-10-07T14:00:00+09:00"),
                jvn("JVNVU#98062224", "https://jvn.jp/vu/JVNVU98062224/", "キーエンス製複数製品におけるXML外部エンティティ参照（XXE）の不適切な制限の脆弱性",
                        "株式会社キーエンスが提供するXG VisionTerminal、XG-X VisionTerminal、LJ Series Terminal-SoftwareおよびWI Series Terminal-Softwareには、XML外部エンティティ参照（XXE）の不適切な制限の脆弱性が存在します。",
                        "2026-09-02T13:00:00+09:00"),
                jvn("JVNVU#94062711", "https://jvn.jp/vu/JVNVU94062711/", "CISA ICS Advisory / ICS Medical Advisory（2026年10月06日）",
                        "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。", "2026-10-07T09:00:00+09:00"),
                jvn("JVN#13510969", "https://jvn.jp/jp/JVN13510969/", "MCC製Universal Library for Linux (uldaq)におけるバッファオーバーフローの脆弱性",
                        "Measurement Computing Corporationが提供するUniversal Library for Linux (uldaq)には、スタックベースのバッファオーバーフローの脆弱性が存在します。",
                        "2026-10-06T12:00:15+09:00"),
                jvn("JVN#53292492", "https://jvn.jp/jp/JVN53292492/", "Androidアプリ「チケット流通センター」における複数の脆弱性",
                        "株式会社ウェイブダッシュが提供するAndroidアプリ「チケット流通センター」には、複数の脆弱性が存在します。",
                        "2026-10-06T12:00:00+09:00"),
                jvn("JVN#24352487", "https://jvn.jp/jp/JVN24352487/", "GROWIにおけるアクセス制限不備の脆弱性",
                        "株式会社GROWIが提供するGROWIには、アクセス制限不備の脆弱性が存在します。", "2026-10-05T15:00:00+09:00"),
                jvn("JVNVU#94648869", "https://jvn.jp/vu/JVNVU94648869/", "Apache HTTP Server 2.4における複数の脆弱性に対するアップデート（2026年10月1日）",
                        "The Apache Software Foundationから、Apache HTTP Server 2.4系における複数の脆弱性に対応したApache HTTP Server 2.4.69が公開されました。",
                        "2026-10-02T10:00:30+09:00"),
                jvn("JVNVU#91842649", "https://jvn.jp/vu/JVNVU91842649/", "CISA ICS Advisory / ICS Medical Advisory（2026年10月01日）",
                        "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。", "2026-10-02T10:00:15+09:00"),
                jvn("JVNVU#92911062", "https://jvn.jp/vu/JVNVU92911062/", "InsydeH2O IHISIにおける安全でないメモリ書き込みの脆弱性",
                        "CERT/CCから本件に関するアドバイザリが公表されました。", "2026-10-02T10:00:00+09:00"),
                jvn("JVNVU#93468181", "https://jvn.jp/vu/JVNVU93468181/", "OpenSSLにおける脆弱性に対するアップデート（2026年9月29日）",
                        "OpenSSL ProjectからOpenSSL Security Advisory [29th September 2026]が公開されました。", "2026-10-01T11:30:00+09:00"),
                jvn("JVNVU#90160989", "https://jvn.jp/vu/JVNVU90160989/", "富士フイルムビジネスイノベーション製およびシャープ製複合機（MFP）におけるパストラバーサルの脆弱性",
                        "富士フイルムビジネスイノベーション製およびシャープ製の複合機（MFP）には、パストラバーサルの脆弱性が存在します。",
                        "2026-09-30T12:30:00+09:00"),
                jvn("JVNVU#93754811", "https://jvn.jp/vu/JVNVU93754811/", "CISA ICS Advisory / ICS Medical Advisory（2026年09月29日）",
                        "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。", "2026-09-30T09:00:00+09:00"),
                jvn("JVNVU#96968110", "https://jvn.jp/vu/JVNVU96968110/", "PFU製Image Scanner Driver for Linuxにおける複数の脆弱性",
                        "株式会社PFUが提供するImage Scanner Driver for Linuxには、複数の脆弱性が存在します。", "2026-09-29T15:00:00+09:00"),
                jvn("JVN#22475874", "https://jvn.jp/jp/JVN22475874/", "Pgpool-IIにおける複数の脆弱性",
                        "Pgpool Global Development Groupが提供するPgpool-IIには、複数の脆弱性が存在します。", "2026-09-29T14:00:00+09:00"),
                jvn("JVNVU#99151548", "https://jvn.jp/vu/JVNVU99151548/", "Authlibライブラリにおける署名検証が回避される脆弱性",
                        "CERT/CCから本件に関するアドバイザリが公表されました。", "2026-09-29T09:15:00+09:00"),
                jvn("JVNVU#97027767", "https://jvn.jp/vu/JVNVU97027767/", "Siemens製品に対するアップデート（2026年9月）",
                        "Siemensから各製品向けのアドバイザリが公表されました。", "2026-09-04T10:15:00+09:00"),
                jvn("JVNVU#94863997", "https://jvn.jp/vu/JVNVU94863997/", "バッファロー製Wi-Fi製品における複数の脆弱性",
                        "株式会社バッファローが提供する複数のWi-Fi製品の設定画面には、複数の脆弱性が存在します。", "2026-09-28T13:30:00+09:00"),
                jvn("JVNVU#97703430", "https://jvn.jp/vu/JVNVU97703430/", "ISC BINDにおける複数の脆弱性（2026年9月）",
                        "ISC（Internet Systems Consortium）から、ISC BINDの複数の脆弱性が公開されました。", "2026-09-18T16:45:00+09:00"),
                jvn("JVNVU#96520526", "https://jvn.jp/vu/JVNVU96520526/", "Androidアプリ「Readwise Reader」における複数のクロスサイトスクリプティングの脆弱性",
                        "CERT/CCから本件に関するアドバイザリが公表されました。", "2026-09-28T09:15:00+09:00"));
    }

    static List<Advisory> jpcert() {
        return List.of(
                jpcertAlert("JPCERT-AT-2026-0004", "at260004", "注意喚起: FileZenにおけるOSコマンドインジェクションの脆弱性（CVE-2026-25108）に関する注意喚起",
                        "2026-02-13T13:27+09:00"),
                jpcertAlert("JPCERT-AT-2026-0003", "at260003", "注意喚起: 2026年2月マイクロソフトセキュリティ更新プログラムに関する注意喚起",
                        "2026-02-12T11:16+09:00"),
                jpcertAlert("JPCERT-AT-2026-0002", "at260002", "注意喚起: Ivanti Endpoint Manager Mobile（EPMM）の脆弱性（CVE-2026-1281、CVE-2026-1340）に関する注意喚起",
                        "2026-01-30T11:15+09:00"),
                jpcertAlert("JPCERT-AT-2025-0027", "at250027", "注意喚起: WatchGuard製Fireboxのikedにおける境界外書き込みの脆弱性（CVE-2025-14733）に関する注意喚起",
                        "2025-12-22T15:37+09:00"),
                weekly(1, "Splunk Enterpriseのサードパーティパッケージに複数の脆弱性"),
                weekly(3, "Google Chromeに複数の脆弱性"),
                weekly(4, "Apache Tomcatに複数の脆弱性"));
    }

    /** Synthetic (no real sample contains 改ざん): a JVN-style title and description written for the test. */
    static Advisory tampering() {
        return advisory("JVN#00000001", JVN, "https://jvn.jp/jp/JVN00000001/", "Example CMSにおけるWebページ改ざんの脆弱性",
                "Example CMSには、第三者によってWebページを改ざんされる脆弱性が存在します。", "2026-10-01T12:00:00+09:00",
                Category.VULNERABILITY, List.of(), List.of(), Set.of());
    }

    /** Synthetic hostile advisory: markup in the title and summary must come out escaped. */
    static Advisory hostile() {
        return advisory("JVN#00000666", JVN, "https://jvn.jp/jp/JVN00000666/",
                "<script>alert('x')</script>Google Chromeの脆弱性 & \"quotes\"",
                "<img src=x onerror=alert(1)> Google Chromeにはクロスサイトスクリプティングの脆弱性が存在します。",
                "2026-10-03T12:00:00+09:00", Category.VULNERABILITY, List.of(), List.of(), Set.of());
    }

    static Advisory advisory(String id, String source, String url, String title, String summary, String published,
                             Category category, List<Cvss> cvss, List<AffectedProduct> products, Set<Identifier> ids) {
        Set<Identifier> all = new TreeSet<>(ids);
        all.addAll(IdentifierExtractor.extract(id));
        all.addAll(IdentifierExtractor.extract(title));
        OffsetDateTime at = OffsetDateTime.parse(published);
        return Advisory.parsed(id, source, url, title, summary, at, at, category, all, cvss, products, List.of());
    }

    /** The JPCERT alert for CVE-2026-1281 marked as CISA KEV-listed with an EPSS score (enrichment is test data). */
    static Advisory withKev(Advisory a, String cve) {
        KevEntry kev = new KevEntry(cve, "Ivanti", "EPMM", "Ivanti EPMM Code Injection", LocalDate.of(2026, 1, 29),
                LocalDate.of(2026, 2, 1), false, "Apply mitigations per vendor instructions.");
        return a.withEnrichment(Optional.of(kev), Optional.of(new EpssScore(cve, 0.93, 0.998, LocalDate.of(2026, 2, 1))));
    }

    private static Advisory jvndb(String id, String title, String description, String date, double score,
                                  Severity severity, List<String> references, AffectedProduct... products) {
        Set<Identifier> ids = new TreeSet<>();
        references.forEach(r -> ids.addAll(IdentifierExtractor.extract(r)));
        List<Cvss> cvss = score > 0 ? List.of(new Cvss("3.0", score, severity, "")) : List.of();
        String year = id.substring(6, 10);
        return advisory(id, JVNDB, "https://jvndb.jvn.jp/ja/contents/" + year + "/" + id + ".html", title, description,
                date, Category.VULNERABILITY, cvss, List.of(products), ids);
    }

    private static Advisory jvn(String id, String url, String title, String description, String date) {
        return advisory(id, JVN, url, title, description, date, Category.VULNERABILITY, List.of(), List.of(), Set.of());
    }

    private static Advisory jpcertAlert(String id, String file, String title, String date) {
        String year = "20" + file.substring(2, 4);
        return advisory(id, JPCERT, "https://www.jpcert.or.jp/at/" + year + "/" + file + ".html", title, "", date,
                Category.ALERT, List.of(), List.of(), Set.of(Identifier.of(IdentifierType.JPCERT, id)));
    }

    private static Advisory weekly(int n, String title) {
        String url = "https://www.jpcert.or.jp/wr/2026/wr260226.html#" + n;
        return advisory(url, JPCERT, url, "Weekly Report: " + title, title, "2026-02-26T09:09+09:00",
                Category.WEEKLY_REPORT, List.of(), List.of(), Set.of());
    }

    private static AffectedProduct product(String vendor, String product, String cpe) {
        return new AffectedProduct(Optional.of(cpe), vendor, product, Optional.empty());
    }
}
