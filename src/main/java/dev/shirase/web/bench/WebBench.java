package dev.shirase.web.bench;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Severity;
import dev.shirase.config.ShiraseConfig.WebSettings;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.search.IndexEntry;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.SourceStateRepository;
import dev.shirase.web.WebServer;
import dev.shirase.web.adapter.StoreArchiveView;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.MatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the archive over a synthetic index of N advisories (default 200,000) so a load generator can measure it:
 * {@code bench/web-bench.sh} builds, starts this and runs wrk against {@code /api/search} and the search page.
 *
 * <p>Usage: {@code WebBench <index-dir> <port> [count]}. An existing index in the folder is reused when it already
 * holds {@code count} documents. The search routes read only the index; the (empty) H2 store is there for the rest.
 */
public final class WebBench {

    private static final String[] VENDORS = {"Google", "Microsoft", "Apache Software Foundation", "サイボウズ", "富士通",
            "NEC", "Cisco", "Fortinet", "Oracle", "Adobe", "VMware", "Ivanti", "クアルコム", "JetBrains", "WordPress"};
    private static final String[] PRODUCTS = {"Google Chrome", "Windows", "HTTP Server", "Garoon", "ServerView",
            "Aterm", "IOS XE", "FortiOS", "WebLogic Server", "Acrobat Reader", "vCenter Server", "EPMM",
            "Snapdragon", "TeamCity", "Contact Form 7"};
    private static final String[] WEAKNESSES = {"クロスサイトスクリプティング", "SQL インジェクション", "OS コマンドインジェクション",
            "認証回避", "境界外書き込み", "解放済みメモリの使用", "パストラバーサル", "情報漏えい", "サービス運用妨害 (DoS)",
            "権限昇格", "不適切な入力確認", "改ざん", "クロスサイトリクエストフォージェリ", "XML 外部エンティティ参照"};
    private static final String[] SOURCES = {"jvndb", "jvn", "jpcert", "ipa-alert", "myjvn-vuln", "icat"};

    private WebBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WebBench <index-dir> <port> [count]");
            return;
        }
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Files.createDirectories(dir);
        AdvisoryIndex index = AdvisoryIndex.open(dir.resolve("index"));
        if (index.count() != count) {
            long t0 = System.nanoTime();
            index.deleteAll();
            Random random = new Random(42);
            List<IndexEntry> batch = new ArrayList<>(10_000);
            for (int i = 0; i < count; i++) {
                batch.add(IndexEntry.of(synthetic(i, random)));
                if (batch.size() == 10_000) {
                    index.indexAll(batch);
                    batch.clear();
                    System.out.printf(Locale.ROOT, "indexed %d%n", i + 1);
                }
            }
            index.indexAll(batch);
            index.commit();
            System.out.printf(Locale.ROOT, "indexed %d advisories in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
        Database db = Database.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("shirase").toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        StoreArchiveView archive = new StoreArchiveView(db, new AdvisoryRepository(db), new SourceStateRepository(db), index);
        WebServer server = new WebServer(new WebSettings("127.0.0.1", port, "http://127.0.0.1:" + port, "none",
                Optional.empty(), Optional.empty()), Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), Path.of("templates"),
                archive, MatchView.none(), DigestArchive.none()).start("127.0.0.1", port);
        System.out.printf(Locale.ROOT, "READY http://127.0.0.1:%d/ with %d advisories in the index%n", server.port(), index.count());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            index.close();
            db.close();
            forever.countDown();
        }));
        forever.await();
    }

    /** A plausible JVN iPedia-like advisory; ids are unique, text varies with a fixed seed. */
    static Advisory synthetic(int i, Random random) {
        int v = random.nextInt(VENDORS.length);
        String vendor = VENDORS[v];
        String product = PRODUCTS[v];
        String weakness = WEAKNESSES[random.nextInt(WEAKNESSES.length)];
        int year = 2016 + random.nextInt(11);
        String id = String.format(Locale.ROOT, "JVNDB-%d-%06d", year, i);
        String cve = String.format(Locale.ROOT, "CVE-%d-%d", year, 10_000 + i);
        String version = (1 + random.nextInt(20)) + "." + random.nextInt(10) + "." + random.nextInt(100);
        String title = vendor + "の" + product + "における" + weakness + "の脆弱性";
        String summary = product + " " + version + "以前には、" + weakness + "の脆弱性が存在します。"
                + "リモートの第三者によって、細工されたリクエストを介して情報を取得されたり、任意のコードを実行されたりする可能性があります。";
        double score = Math.round((1 + random.nextDouble() * 9) * 10) / 10.0;
        OffsetDateTime published = OffsetDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), 0, 0, ZoneOffset.ofHours(9));
        return Advisory.parsed(id, SOURCES[random.nextInt(SOURCES.length)],
                "https://jvndb.jvn.jp/ja/contents/" + year + "/" + id + ".html", title, summary, published, published,
                Category.VULNERABILITY, Set.of(Identifier.of(IdentifierType.JVNDB, id), Identifier.of(IdentifierType.CVE, cve)),
                List.of(new Cvss("3.1", score, Severity.fromScore(score), "")),
                List.of(new AffectedProduct(Optional.empty(), vendor, product, Optional.of(version + "以前"))), List.of());
    }
}
