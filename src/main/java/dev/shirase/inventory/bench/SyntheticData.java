package dev.shirase.inventory.bench;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.Exposure;
import dev.shirase.inventory.cpe.Cpe;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic synthetic inventories and advisories for the matching benchmark. Advisory texts are the real
 * JVN iPedia / JVN / JPCERT sample wordings (fixtures/feeds) with product names and versions substituted.
 */
final class SyntheticData {

    /** Real sample texts; {P} is the product, {V} a version. Title, summary, and whether a sec:cpe is given. */
    private static final String[][] TEMPLATES = {
            {"Googleの{P}におけるユーザインターフェースにおける重要情報の誤った表示に関する脆弱性",
                    "{P} {V}以前のPermissionElementにおけるUI誤表示により、リモートの攻撃者がソーシャルエンジニアリングを利用して、細工されたHTMLページを介してUI要素を偽装できる可能性がありました。（Chromiumセキュリティの深刻度：中）", "cpe"},
            {"Apache Software Foundationの{P}における同一生成元ポリシー違反に関する脆弱性",
                    "{P}の脆弱性：ReferrerFilterがオリジンよりも弱い証拠を受け入れてしまう問題があります。この問題は{P}のバージョン{V}より前のバージョンに影響します。ユーザーは、この問題を修正したバージョン{V}にアップグレードすることを推奨します。", "cpe"},
            {"Apache Software Foundationの{P}における誤ったハンドラの展開に関する脆弱性",
                    "{P}における誤ったハンドラの展開の脆弱性により、CGIプログラムからの一部の内部リダイレクトの対象がCGIとして扱われ、実行される可能性があります。この問題は{P}のバージョン2.4.60から{V}までに影響を及ぼします。", "cpe"},
            {"JetBrainsの{P}における不完全なブラックリストに関する脆弱性",
                    "JetBrains {P} の 2026.2、2026.1.4、および {V} 以前のバージョンにおいて、バージョン管理された設定 Kotlin DSL を介したサンドボックス脱出によりコードの実行が可能でした。", "cpe"},
            {"{P}における入力確認に関する脆弱性",
                    "{P}のバージョン{V}未満には、OpenAI互換およびAnthropic APIエンドポイントで受け付けるcache_saltパラメータにサービス拒否（DoS）の脆弱性があります。認証されていない攻撃者は、数百メガバイトのマルチサイズのsalt値を含むHTTPリクエストを送信することで、高コストなpickleシリアル化およびSHA-256ハッシュ化を引き起こし、スケジューラースレッドを停止させることができます。", "cpe"},
            {"joomcodeの{P}におけるSQL インジェクションの脆弱性",
                    "Joomla拡張機能 - joomcode.com - {P} {V}における認証なしのSQLインジェクションについて、フロントエンドのCRUD APIコントローラは、Joomlaのトークン検証も認証チェックもいかなるタスクに対しても行いません。", "cpe"},
            {"{P}における複数の脆弱性", "株式会社サンプルが提供する{P}には、複数の脆弱性が存在します。", "text"},
            {"{P} 2.4における複数の脆弱性に対するアップデート（2026年10月1日）",
                    "The Apache Software Foundationから、{P} 2.4系における複数の脆弱性に対応した{P} {V}が公開されました。", "text"},
            {"Weekly Report: {P}に複数の脆弱性", "{P}に複数の脆弱性", "text"},
            {"CISA ICS Advisory / ICS Medical Advisory（2026年10月06日）",
                    "米国CISAがCISA ICS Advisory / ICS Medical Advisoryを公表しました。新規：6件 ICSA-26-279-01: Johnson Controls EasyIO FG ICSA-26-279-02: Savannah lwIP SMTP client", "none"},
    };

    private static final OffsetDateTime WHEN = OffsetDateTime.parse("2026-10-08T09:00:00+09:00");

    private SyntheticData() {
    }

    /** Vendor i and product j of the synthetic product space. */
    static String vendor(int i) {
        return "vendor" + i;
    }

    static String product(int i, int j) {
        return "Product" + i + "x" + j + " Server";
    }

    static List<Asset> assets(int n, long seed) {
        Random r = new Random(seed);
        List<Asset> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = k % 400;
            int j = k / 400;
            String v = vendor(i);
            String p = product(i, j);
            boolean withCpe = r.nextInt(10) < 7;
            Optional<Cpe> cpe = withCpe ? Optional.of(Cpe.parse("cpe:/a:" + v + ":" + p.toLowerCase().replace(' ', '_')))
                    : Optional.empty();
            Optional<String> version = r.nextInt(10) == 0 ? Optional.empty()
                    : Optional.of((1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(50));
            out.add(new Asset("asset-" + k, "資産 " + k, v, p, version, cpe, List.of("別名" + k), "", Optional.of(Exposure.INTERNAL), 1));
        }
        return out;
    }

    static List<Advisory> advisories(int n, long seed) {
        Random r = new Random(seed);
        List<Advisory> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String[] t = TEMPLATES[k % TEMPLATES.length];
            // 1 in 4 advisories names an inventory product; the rest name products we do not have
            int i = r.nextInt(400);
            int j = r.nextInt(4) == 0 ? r.nextInt(3) : 3 + r.nextInt(50);
            String v = vendor(i);
            String p = product(i, j);
            String ver = (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(50);
            String title = t[0].replace("{P}", p).replace("{V}", ver);
            String summary = t[1].replace("{P}", p).replace("{V}", ver);
            List<AffectedProduct> products = t[2].equals("cpe")
                    ? List.of(new AffectedProduct(Optional.of("cpe:/a:" + v + ":" + p.toLowerCase().replace(' ', '_')),
                    v, p, Optional.empty()))
                    : List.of();
            out.add(Advisory.parsed("JVNDB-2026-" + String.format("%06d", k), "bench", "", title, summary, WHEN, WHEN,
                    Category.VULNERABILITY, Set.of(), List.of(), products, List.of()));
        }
        return out;
    }
}
