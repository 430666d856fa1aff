package dev.shirase.app;

import dev.shirase.config.FeedsConfig;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.ingest.ArchiveListener;
import dev.shirase.ingest.FeedParsers;
import dev.shirase.ingest.GapFiller;
import dev.shirase.ingest.Ingestor;
import dev.shirase.ingest.Reindexer;
import dev.shirase.ingest.SourcePoller;
import dev.shirase.search.AdvisoryIndex;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.Fetcher;
import dev.shirase.source.FetcherConfig;
import dev.shirase.store.AdvisoryRepository;
import dev.shirase.store.Database;
import dev.shirase.store.EnrichmentRepository;
import dev.shirase.store.SourceStateRepository;
import dev.shirase.ingest.MatchingStage;
import dev.shirase.inventory.Asset;
import dev.shirase.inventory.InventoryLoad;
import dev.shirase.inventory.load.InventoryFiles;
import dev.shirase.inventory.store.MatchRepository;
import dev.shirase.store.InfoRepository;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.ChannelConfig;
import dev.shirase.deliver.ChannelConfigReader;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.DigestDispatcher;
import dev.shirase.deliver.DigestRenderer;
import dev.shirase.deliver.Outbox;
import dev.shirase.digest.AlertBuilder;
import dev.shirase.digest.AlertRule;
import dev.shirase.digest.DigestBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds each stage once from the configuration and hands it out. It holds no logic of its
 * own; commands, the scheduler and the web app all get their parts from here.
 */
public final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);
    private static final URI MYJVN = URI.create("https://jvndb.jvn.jp/myjvn");

    private final ShiraseConfig config;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Database database;
    private final AdvisoryRepository advisories;
    private final EnrichmentRepository enrichment;
    private final SourceStateRepository sourceStates;
    private final AdvisoryIndex index;
    private final Fetcher fetcher;
    private final FeedParsers parsers = new FeedParsers();
    private final MatchRepository matches;
    private final InfoRepository info;
    private final EnvironmentResolver env;
    private List<ChannelConfig> channelConfigs;
    private Outbox outbox;
    private DigestRenderer renderer;
    private FeedsConfig feeds;
    private Ingestor ingestor;
    private List<Asset> assets;
    private MatchingStage matching;
    private static final String INVENTORY_KEY = "inventory.fingerprint";

    private Services(ShiraseConfig config, Clock clock, EnvironmentResolver env, Consumer<String> progress) {
        this.config = config;
        this.env = env;
        this.clock = clock;
        this.progress = progress;
        this.database = Database.open(config.jdbcUrl(), config.databaseUser(), config.databasePassword());
        this.advisories = new AdvisoryRepository(database);
        this.enrichment = new EnrichmentRepository(database);
        this.sourceStates = new SourceStateRepository(database);
        this.index = AdvisoryIndex.open(config.indexDir());
        this.matches = new MatchRepository(database);
        this.info = new InfoRepository(database);
        ShiraseConfig.FetchSettings f = config.fetch();
        this.fetcher = new Fetcher(FetcherConfig.defaults()
                .withConnectTimeout(f.connectTimeout())
                .withTotalTimeout(f.timeout())
                .withMaxBodyBytes(f.maxBytes()));
        catchUpIndex();
    }

    /**
     * The index is committed durably only now and then: after a crash it lacks what the store changed since its last
     * commit. Re-index that from the store (nothing to do, and nothing loaded, after a clean shutdown). An index
     * written by an older version of Shirase was opened empty: rebuild it whole.
     */
    private void catchUpIndex() {
        try {
            if (index.rebuildRequired() && advisories.count() > 0) {
                progress.accept("search index: written by an older version, rebuilding it from the store");
                int count = new Reindexer(advisories, ingestor(), index, progress).rebuild();
                progress.accept("search index: rebuilt, " + count + " advisories");
            } else if (advisories.lastChange() > index.committedWatermark()) {
                int n = ingestor().catchUp();
                progress.accept("search index: re-indexed " + n + " advisories changed after its last commit");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the database and the index under the configured data dir. */
    public static Services open(ShiraseConfig config, Consumer<String> progress) {
        return new Services(config, Clock.systemUTC(), EnvironmentResolver.system(), progress);
    }

    /** As {@link #open(ShiraseConfig, Consumer)} with a given clock and environment (tests, the scheduler). */
    public static Services open(ShiraseConfig config, Clock clock, EnvironmentResolver env, Consumer<String> progress) {
        return new Services(config, clock, env, progress);
    }

    public ShiraseConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public AdvisoryRepository advisories() {
        return advisories;
    }

    public EnrichmentRepository enrichment() {
        return enrichment;
    }

    public SourceStateRepository sourceStates() {
        return sourceStates;
    }

    public AdvisoryIndex index() {
        return index;
    }

    public Fetcher fetcher() {
        return fetcher;
    }

    public FeedParsers parsers() {
        return parsers;
    }

    /** feeds.yaml, read on first use (commands such as {@code search} never need it). */
    public synchronized FeedsConfig feeds() {
        if (feeds == null) {
            feeds = FeedsConfig.load(config.feedsFile());
        }
        return feeds;
    }

    public synchronized Ingestor ingestor() {
        if (ingestor == null) {
            ingestor = new Ingestor(advisories, enrichment, index, archiveListener());
        }
        return ingestor;
    }

    /** The assets of the configured inventory, loaded once; an absent file means an empty inventory. */
    public synchronized List<Asset> assets() {
        if (assets == null) {
            Path file = config.inventoryFile();
            if (!Files.exists(file)) {
                progress.accept("inventory: " + file + " not found: nothing will be matched");
                assets = List.of();
            } else {
                InventoryLoad load = InventoryFiles.load(file);
                load.problems().forEach(p -> progress.accept("inventory: " + p.file() + ":" + p.line() + ": "
                        + p.key() + ": " + p.message() + " (row skipped)"));
                assets = load.assets();
            }
        }
        return assets;
    }

    public MatchRepository matches() {
        return matches;
    }

    /**
     * The matching stage. When the inventory differs from the one last matched, the whole archive is judged again
     * before anything else happens, and the index's verdict facet follows.
     */
    public synchronized MatchingStage matching() {
        if (matching == null) {
            matching = new MatchingStage(assets(), matches, clock);
            String fingerprint = InventoryFingerprint.of(assets());
            if (!info.get(INVENTORY_KEY).orElse("").equals(fingerprint)) {
                if (advisories.count() > 0) {
                    progress.accept("inventory changed: matching the whole archive again");
                    matching.rematchAll(advisories, progress);
                    Set<String> touched = new java.util.LinkedHashSet<>();
                    matching.drainChanges().forEach(c -> touched.add(c.advisoryId()));
                    new Ingestor(advisories, enrichment, index, matching).reindex(advisories.findAll(touched));
                    index.commit();
                }
                info.put(INVENTORY_KEY, fingerprint);
            }
        }
        return matching;
    }

    ArchiveListener archiveListener() {
        return matching();
    }

    /** Backfills go to the first myjvn-vuln source's endpoint, else to MyJVN itself (also with no feeds.yaml). */
    public GapFiller gapFiller() {
        // the offline demo runs without a feeds.yaml: it must not fail for want of one
        List<FeedSource> sources = feeds == null && !Files.exists(config.feedsFile()) ? List.of() : feeds().sources();
        URI base = sources.stream().filter(s -> s.type() == FeedType.MYJVN_VULN)
                .map(FeedSource::url).findFirst().orElse(MYJVN);
        return new GapFiller(fetcher, parsers.forType(FeedType.MYJVN_VULN), ingestor(), base, progress);
    }

    /** A poller; {@code gapFiller} decides where MyJVN backfills go. */
    public SourcePoller poller(GapFiller gapFiller) {
        return new SourcePoller(fetcher, parsers, ingestor(), sourceStates, advisories, gapFiller, clock);
    }

    public InfoRepository info() {
        return info;
    }

    /**
     * The channels of shirase.yaml (the default file channel when none), read on first use; a bad entry or a missing
     * {@code ${NAME}} is a ConfigException naming file, line, key and channel.
     */
    public synchronized List<ChannelConfig> channelConfigs() {
        if (channelConfigs == null) {
            channelConfigs = new ChannelConfigReader(env, config.dataDir(), config.locale()).read(config.channels());
        }
        return channelConfigs;
    }

    /** The persistent outbox over every configured channel. */
    public synchronized Outbox outbox() {
        if (outbox == null) {
            List<Channel> channels = channelConfigs().stream().map(Channels::create).toList();
            outbox = new Outbox(database, channels);
        }
        return outbox;
    }

    /** The renderer over the company's templates folder (bundled templates where it has none). */
    public synchronized DigestRenderer renderer() {
        if (renderer == null) {
            renderer = DigestRenderer.withTemplates(config.templatesDir());
        }
        return renderer;
    }

    public DigestDispatcher dispatcher() {
        return new DigestDispatcher(renderer(), outbox());
    }

    /** What goes into a digest: over the store, the verdicts, the source states and the enabled sources. */
    public DigestBuilder digestBuilder() {
        matching();
        List<String> sourceIds = Files.exists(config.feedsFile())
                ? feeds().enabled().stream().map(FeedSource::id).toList() : List.of();
        return new DigestBuilder(advisories, matches, sourceStates, assets(), sourceIds, config.web().baseUrl());
    }

    /** The urgent-alert rule of shirase.yaml over the stored verdicts. */
    public AlertBuilder alertBuilder() {
        matching();
        ShiraseConfig.AlertSettings a = config.alerts();
        return new AlertBuilder(advisories, matches, assets(), config.web().baseUrl(),
                new AlertRule(a.minCvss(), a.kev(), a.japaneseAlerts()));
    }

    @Override
    public void close() {
        try {
            Ingestor running = ingestorIfMade();
            if (running != null) {
                running.awaitCommit();
            }
        } catch (RuntimeException e) {
            LOG.warn("the last background commit of the search index failed ({}); closing commits again", e.getMessage());
        } finally {
            try {
                index.close();
            } finally {
                database.close();
            }
        }
    }

    private synchronized Ingestor ingestorIfMade() {
        return ingestor;
    }
}
