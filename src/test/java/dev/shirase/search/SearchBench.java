package dev.shirase.search;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Severity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): indexes N synthetic JVN iPedia-like advisories into an on-disk index and measures
 * indexing throughput and search latency (p50/p99) for a set of typical queries.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> dev.shirase.search.SearchBench [docs] [rounds]}
 */
public final class SearchBench {

    private static final String[] VENDORS = {"Google", "Microsoft", "Apache Software Foundation", "クアルコム", "JetBrains",
            "サイボウズ株式会社", "Oracle", "Cisco", "Fortinet", "WordPress", "Adobe", "シックス・アパート株式会社", "富士通",
            "NEC", "バッファロー", "アイ・オー・データ機器", "Siemens", "Mozilla", "OpenSSL Project", "ISC"};
    private static final String[] PRODUCTS = {"Google Chrome", "Windows", "Apache HTTP Server", "Snapdragon ファームウェア",
            "TeamCity", "Garoon", "Java SE", "IOS XE", "FortiOS", "WordPress プラグイン", "Acrobat Reader", "Movable Type",
            "ServerView", "Aterm", "Wi-Fi ルータ", "LAN DISK", "SIMATIC", "Firefox", "OpenSSL", "BIND 9"};
    private static final String[] WEAKNESSES = {"クロスサイトスクリプティング", "SQL インジェクション", "OS コマンドインジェクション",
            "バッファオーバーフロー", "認証の欠如", "不適切な認証", "パストラバーサル", "クロスサイトリクエストフォージェリ",
            "情報漏えい", "サービス運用妨害 (DoS)", "解放済みメモリの使用", "境界外書き込み", "重要な機能に対する認証の欠如",
            "データの改ざん", "権限昇格", "XML 外部エンティティ参照 (XXE)", "オープンリダイレクト", "不適切な入力確認"};
    private static final String[] EFFECTS = {"任意のコードを実行される", "情報を窃取される", "サービス運用妨害 (DoS) 状態にされる",
            "管理者権限を取得される", "ファイルを改ざんされる", "認証を回避される", "任意のスクリプトを実行される",
            "設定を変更される"};
    private static final String[] ACTORS = {"リモートの第三者", "認証されていない攻撃者", "ローカルの攻撃者",
            "ログイン済みのユーザ", "隣接ネットワーク上の第三者"};

    private SearchBench() {
    }

    public static void main(String[] args) throws IOException {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("shirase-bench-index");
        try {
            run(dir, docs, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int docs, int rounds) {
        Random random = new Random(42);
        try (AdvisoryIndex index = AdvisoryIndex.open(dir)) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Advisory sample = null;
            for (int i = 0; i < docs; i++) {
                Advisory a = synthetic(i, random);
                if (i == Math.min(1234, docs - 1)) {
                    sample = a;
                }
                index.index(a, List.of(), i % 50 == 0 ? Set.of("要確認") : Set.of());
                if ((i + 1) % 50_000 == 0) {
                    index.commit();
                    System.out.printf("  %,d docs, %.0f docs/s%n", i + 1, (i + 1) / seconds(start));
                }
            }
            index.commit();
            double indexSeconds = seconds(start);
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf("indexed %,d docs in %.1f s: %.0f docs/s wall (1 indexing thread, commit every 50k); "
                    + "process CPU %.1f s = %.0f docs per CPU-second; load average %.1f on %d cores%n",
                    docs, indexSeconds, docs / indexSeconds, cpuSeconds, docs / cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            List<SearchQuery> queries = List.of(
                    SearchQuery.of("認証"), SearchQuery.of("改ざん"), SearchQuery.of("ＣＨＲＯＭＥ"),
                    SearchQuery.of("Apache HTTP Server"), SearchQuery.of("クロスサイトスクリプティング"),
                    SearchQuery.of("バッファオーバーフロー 任意のコード"), SearchQuery.of(sample.cves().get(0)),
                    SearchQuery.of(sample.id().toLowerCase(java.util.Locale.ROOT)), SearchQuery.all(),
                    SearchQuery.of("脆弱性").withSort(SortOrder.DATE),
                    SearchQuery.of("FortiOS").withSeverities(Set.of(Severity.CRITICAL, Severity.HIGH))
                            .withSince(LocalDate.of(2022, 1, 1)),
                    SearchQuery.of("Windows 権限昇格").withYear(2025), SearchQuery.of("\"(( AND OR"));
            for (int w = 0; w < 3; w++) {
                queries.forEach(index::search);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Long> all = new ArrayList<>();
            List<Long> allCpu = new ArrayList<>();
            for (SearchQuery q : queries) {
                long[] times = new long[rounds];
                long[] cpu = new long[rounds];
                long total = 0;
                for (int r = 0; r < rounds; r++) {
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    total = index.search(q).total();
                    times[r] = System.nanoTime() - t;
                    cpu[r] = threads.getCurrentThreadCpuTime() - c;
                    all.add(times[r]);
                    allCpu.add(cpu[r]);
                }
                Arrays.sort(times);
                Arrays.sort(cpu);
                System.out.printf("  %-36s hits %,8d  wall p50 %6.1f p99 %6.1f ms | cpu p50 %6.1f p99 %6.1f ms%n",
                        label(q), total, ms(times[times.length / 2]), ms(p99(times)), ms(cpu[cpu.length / 2]),
                        ms(p99(cpu)));
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] sortedCpu = allCpu.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("all queries (%d runs, 20 hits + facets + highlighting): wall p50 %.1f ms, p99 %.1f ms;"
                    + " cpu p50 %.1f ms, p99 %.1f ms; load average %.1f%n", sorted.length,
                    ms(sorted[sorted.length / 2]), ms(p99(sorted)), ms(sortedCpu[sortedCpu.length / 2]),
                    ms(p99(sortedCpu)), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String label(SearchQuery q) {
        String text = q.text().isEmpty() ? "(all)" : q.text();
        return text + (q.sort() == SortOrder.DATE ? " [date]" : "")
                + (q.severities().isEmpty() && q.year().isEmpty() ? "" : " [filtered]");
    }

    /** A JVN iPedia-like entry: vendor, product, weakness, effect, CVSS, CVE, date spread over 2003..2026. */
    static Advisory synthetic(int i, Random random) {
        int year = 2003 + random.nextInt(24);
        String id = String.format("JVNDB-%d-%06d", year, i % 1_000_000);
        int p = random.nextInt(PRODUCTS.length);
        String vendor = VENDORS[p];
        String product = PRODUCTS[p];
        String weakness = WEAKNESSES[random.nextInt(WEAKNESSES.length)];
        String effect = EFFECTS[random.nextInt(EFFECTS.length)];
        String actor = ACTORS[random.nextInt(ACTORS.length)];
        String version = (1 + random.nextInt(20)) + "." + random.nextInt(10) + "." + random.nextInt(100);
        String title = vendor + "の" + product + "における" + weakness + "の脆弱性";
        String summary = vendor + "が提供する" + product + " " + version + "以前には、" + weakness + "の脆弱性が存在します。"
                + "この脆弱性を悪用されると、" + actor + "によって" + effect + "可能性があります。"
                + "開発者が提供する情報をもとに最新版へアップデートしてください。";
        String cve = String.format("CVE-%d-%06d", year, random.nextInt(1_000_000));
        double score = Math.round(random.nextDouble() * 100) / 10.0;
        OffsetDateTime published = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)).atTime(random.nextInt(24), 0)
                .atOffset(ZoneOffset.ofHours(9));
        return Advisory.parsed(id, "jvndb", "https://jvndb.jvn.jp/ja/contents/" + year + "/" + id + ".html", title,
                summary, published, published, Category.VULNERABILITY,
                Set.of(Identifier.of(IdentifierType.JVNDB, id), Identifier.of(IdentifierType.CVE, cve)),
                List.of(new Cvss("3.0", score, null, "")),
                List.of(new AffectedProduct(Optional.empty(), vendor, product, Optional.of(version + "以前"))), List.of());
    }

    private static long p99(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
