package dev.shirase.digest;

import dev.shirase.app.Services;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.demo.DemoFeedServer;
import dev.shirase.ingest.PollReport;
import dev.shirase.ingest.SourcePoller;
import dev.shirase.source.FeedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Shirase installation in a temp folder, filled through the real pipeline (fetcher, parsers, store, matcher)
 * from the bundled samples served by {@link DemoFeedServer}, with the example inventory of the repository. One extra
 * source ({@code broken}) points at a path the server does not have, so the summary has a failing source.
 */
public final class PipelineFixture implements AutoCloseable {
    /** Just after the newest bundled samples (2026-02-19 JST) … set by the tests that need a window. */
    public final DemoFeedServer feeds;
    public Services services;
    public final MutableClock clock;
    private final ShiraseConfig config;
    private final EnvironmentResolver env;
    public final Path dir;

    private PipelineFixture(DemoFeedServer feeds, Services services, MutableClock clock, Path dir, ShiraseConfig config,
                            EnvironmentResolver env) {
        this.config = config;
        this.env = env;
        this.feeds = feeds;
        this.services = services;
        this.clock = clock;
        this.dir = dir;
    }

    /** Sets up the installation; {@code extraYaml} is appended to shirase.yaml (e.g. a {@code channels:} list). */
    public static PipelineFixture create(Path dir, Instant now, String extraYaml, Map<String, String> env)
            throws IOException {
        DemoFeedServer feeds = DemoFeedServer.start();
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (FeedSource s : feeds.sources()) {
            if (s.id().equals("cisa-kev") || s.id().equals("epss")) {
                continue; // 1,400 KEV rows cost seconds and no test needs them: tests list CVEs in KEV themselves
            }
            yaml.append("  - id: ").append(s.id()).append("\n    type: ").append(s.type().key())
                    .append("\n    url: ").append(s.url()).append("\n    interval: 60m\n");
        }
        String base = feeds.sources().get(0).url().resolve("/").toString();
        yaml.append("  - id: broken\n    type: myjvn-vuln\n    url: ").append(base).append("missing/myjvn\n");
        Files.writeString(dir.resolve("feeds.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(Path.of("inventory.yaml"), dir.resolve("inventory.yaml"));
        Files.writeString(dir.resolve("shirase.yaml"), "web:\n  base-url: https://shirase.example.jp\n" + extraYaml,
                StandardCharsets.UTF_8);
        EnvironmentResolver resolver = new EnvironmentResolver(env);
        ShiraseConfig config = ShiraseConfig.load(dir.resolve("shirase.yaml"), true, resolver);
        MutableClock clock = new MutableClock(now);
        Services services = Services.open(config, clock, resolver, line -> { });
        return new PipelineFixture(feeds, services, clock, dir, config, resolver);
    }

    /** Polls every configured source once, through the real poller. */
    public List<PollReport> pollAll() {
        SourcePoller poller = services.poller(services.gapFiller());
        List<PollReport> reports = new ArrayList<>();
        for (FeedSource s : services.feeds().sources()) {
            reports.add(poller.poll(s));
        }
        return reports;
    }

    private boolean servicesClosed;

    /** Closes the store and index (so a CLI command can open them); {@link #close()} then only stops the server. */
    public void closeServices() {
        if (!servicesClosed) {
            servicesClosed = true;
            services.close();
        }
    }

    /** Closes and opens the services again (a restart; an edited inventory is matched again). */
    public void restart() {
        closeServices();
        services = Services.open(config, clock, env, line -> { });
        servicesClosed = false;
    }

    /** Adds an advisory through the real ingestor (store, enrichment, matching, index). */
    public void ingest(dev.shirase.advisory.Advisory advisory) {
        services.ingestor().ingest(dev.shirase.source.ParsedFeed.ofAdvisories(List.of(advisory)), clock.instant());
    }

    /** Lists a CVE in KEV through the real ingestor. */
    public void listInKev(String cve) {
        services.ingestor().ingest(new dev.shirase.source.ParsedFeed(List.of(),
                List.of(new dev.shirase.advisory.KevEntry(cve, "Google", "Chromium", "Chrome flaw",
                        java.time.LocalDate.parse("2026-10-08"), java.time.LocalDate.parse("2026-10-29"), false,
                        "Apply updates")), List.of(), 0), clock.instant());
    }

    /** A JPCERT/CC 注意喚起 naming {@code cve}, published {@code published}. */
    public static dev.shirase.advisory.Advisory jpcertAlert(String id, String cve, String published) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(published);
        return dev.shirase.advisory.Advisory.parsed(id, "jpcert", "https://www.jpcert.or.jp/at/2026/" + id + ".html",
                "Google Chrome の脆弱性に関する注意喚起", "JPCERT/CC は " + cve + " が悪用されていることを確認しています。",
                at, at, dev.shirase.advisory.Category.ALERT,
                java.util.Set.of(dev.shirase.advisory.Identifier.of(dev.shirase.advisory.IdentifierType.CVE, cve),
                        dev.shirase.advisory.Identifier.of(dev.shirase.advisory.IdentifierType.JPCERT, id)),
                List.of(), List.of(), List.of());
    }

    @Override
    public void close() {
        closeServices();
        feeds.close();
    }
}
