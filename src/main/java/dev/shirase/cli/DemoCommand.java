package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.demo.DemoFeedServer;
import dev.shirase.ingest.PollReport;
import dev.shirase.search.SearchHit;
import dev.shirase.search.SearchQuery;
import dev.shirase.search.SearchResults;
import dev.shirase.inventory.Verdict;
import dev.shirase.inventory.store.StoredMatch;
import dev.shirase.web.WebServer;
import dev.shirase.web.adapter.WebApp;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the whole pipeline on the bundled real samples, offline. The samples are served over a loopback HTTP
 * server so they go through the very same fetcher, parsers, store and index as a real poll.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Shirase offline on the bundled real feed samples (IPA, JPCERT/CC, JVN, JVN iPedia,",
                "MyJVN, icat, JC3, CISA KEV, EPSS) and show what it found. Uses the data dir (default ./data)."})
public final class DemoCommand implements Callable<Integer> {
    private static final List<String> EXAMPLE_QUERIES = List.of("認証", "Chrome", "CVE-2026-25108", "ＯＳコマンドインジェクション");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--no-serve",
            description = "exit when done instead of serving the archive web page until Ctrl-C")
    boolean noServe;

    @picocli.CommandLine.Option(names = "--port", paramLabel = "N",
            description = "port for the web page (default: web.port from shirase.yaml, 8080)")
    Integer port;

    /** Serves the web page on the demo data until the process is interrupted (Ctrl-C / SIGTERM). */
    private void serveUntilInterrupted(Services services) {
        var web = services.config().web();
        WebServer server;
        try {
            server = WebApp.create(services).start(web.bind(), port != null ? port : web.port());
        } catch (RuntimeException e) {
            throw new UserError("cannot serve the web page on " + web.bind() + ":" + (port != null ? port : web.port())
                    + " (" + e.getMessage() + "); choose another port with --port N, or --no-serve");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "shirase-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.printf("%nArchive web page: http://%s:%d/  (Ctrl-C to stop)%n", web.bind(), server.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
    }

    @Override
    public Integer call() throws IOException {
        try (DemoFeedServer feeds = DemoFeedServer.start();
             Services services = Services.open(GlobalOptions.of(spec).load(), line -> System.out.println("  " + line))) {
            services.matching();
            System.out.println("Shirase demo: ingesting the bundled real samples through the fetcher at "
                    + feeds.sources().get(0).url().resolve("/"));
            System.out.println("data: " + services.config().dataDir().normalize());
            System.out.println();
            List<PollReport> reports = FetchCommand.pollAll(services, feeds.sources(), true);
            System.out.println();
            System.out.printf("archive: %d advisories, %d indexed%n", services.advisories().count(),
                    services.index().count());
            for (String q : EXAMPLE_QUERIES) {
                SearchResults results = services.index().search(SearchQuery.of(q).withPage(0, 3));
                System.out.printf("%nsearch \"%s\": %d hit(s)%n", q, results.total());
                for (SearchHit hit : results.hits()) {
                    System.out.printf("  %s  %-22s %s%s%n", hit.published().toLocalDate(), hit.id(),
                            shorten(hit.title(), 60), hit.related().isEmpty() ? ""
                                    : "  (related: " + String.join(", ", hit.related()) + ")");
                }
            }
            printVerdicts(services);
            System.out.println();
            System.out.println("Try: java -jar target/shirase.jar search 認証");
            System.out.println("     java -jar target/shirase.jar matches --verdict AFFECTED");
            System.out.println("     java -jar target/shirase.jar status");
            int exit = reports.stream().anyMatch(PollReport::failed) ? 1 : 0;
            if (!noServe) {
                serveUntilInterrupted(services);
            }
            return exit;
        }
    }

    /** The matching result for the example inventory: every verdict with its reason. */
    private static void printVerdicts(Services services) {
        List<StoredMatch> all = services.matches().find(Optional.empty(), Optional.empty());
        System.out.printf("%nmatching against %s (%d assets): %d verdict(s)%n",
                services.config().inventoryFile().getFileName(), services.assets().size(), all.size());
        for (Verdict verdict : Verdict.values()) {
            List<StoredMatch> these = all.stream().filter(m -> m.verdict() == verdict).toList();
            System.out.printf("  %s %s: %d%n", verdict.japanese(), verdict.name(), these.size());
            these.stream().limit(4).forEach(m -> System.out.printf("    %-20s × %-12s %s%n", m.advisoryId(),
                    m.assetId(), shorten(m.reason(), 110)));
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
