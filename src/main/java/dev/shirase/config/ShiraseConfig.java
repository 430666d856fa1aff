package dev.shirase.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * shirase.yaml: where data lives, which database, the locale, and everything else with a sensible default.
 * A missing shirase.yaml means "all defaults" (H2 + Lucene under ./data), so a fresh checkout just runs.
 */
public record ShiraseConfig(
        Path dataDir,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        Locale locale,
        Path feedsFile,
        Path inventoryFile,
        Path templatesDir,
        FetchSettings fetch,
        WebSettings web,
        ScheduleSettings schedule,
        AlertSettings alerts,
        List<YamlNode> channels) {

    private static final Set<String> TOP_KEYS = Set.of("data", "database", "locale", "feeds", "inventory",
            "templates", "fetch", "web", "channels", "schedule", "alerts");

    public ShiraseConfig {
        channels = List.copyOf(channels);
    }

    /** Fetch limits; see the Fetcher for what each means. */
    public record FetchSettings(Duration connectTimeout, Duration timeout, long maxBytes) {
        public static FetchSettings defaults() {
            return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 20L * 1024 * 1024);
        }
    }

    /** The archive web page: where it listens, the base URL used in links, and who may read. */
    public record WebSettings(String bind, int port, String baseUrl, String auth, Optional<String> userHeader,
                              Optional<String> basicUsers) {
        public static WebSettings defaults() {
            return new WebSettings("127.0.0.1", 8080, "http://127.0.0.1:8080", "none", Optional.empty(), Optional.empty());
        }
    }

    /** When the digest goes out (Quartz cron) and in which time zone. */
    public record ScheduleSettings(String digestCron, ZoneId timezone) {
        public static ScheduleSettings defaults() {
            return new ScheduleSettings("0 0 9 ? * MON", ZoneId.of("Asia/Tokyo"));
        }
    }

    /** The urgent-alert rule: 該当 and (KEV, or a Japanese alert, or CVSS ≥ minCvss). */
    public record AlertSettings(double minCvss, boolean kev, boolean japaneseAlerts) {
        public static AlertSettings defaults() {
            return new AlertSettings(9.0, true, true);
        }
    }

    /** All defaults, relative to {@code baseDir}. */
    public static ShiraseConfig defaults(Path baseDir) {
        return new ShiraseConfig(baseDir.resolve("data"), Optional.empty(), "sa", "", Locale.JAPANESE,
                baseDir.resolve("feeds.yaml"), baseDir.resolve("inventory.yaml"), baseDir.resolve("templates"),
                FetchSettings.defaults(), WebSettings.defaults(), ScheduleSettings.defaults(),
                AlertSettings.defaults(), List.of());
    }

    /**
     * Loads {@code file}; relative paths inside it resolve against the file's folder. When the file does not
     * exist and {@code required} is false, the defaults apply.
     */
    public static ShiraseConfig load(Path file, boolean required, EnvironmentResolver env) {
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        ShiraseConfig d = defaults(base);
        if (!Files.exists(file)) {
            if (required) {
                throw new ConfigException(file.toString(), 0, "", "file not found");
            }
            return d;
        }
        YamlNode root = YamlNode.read(file).requireOnlyKeys(TOP_KEYS);
        Path dataDir = root.get("data").map(n -> base.resolve(n.asText())).orElse(d.dataDir());
        Optional<String> dbUrl = Optional.empty();
        String dbUser = d.databaseUser();
        String dbPassword = d.databasePassword();
        Optional<YamlNode> db = root.get("database");
        if (db.isPresent()) {
            db.get().requireOnlyKeys(Set.of("url", "user", "password"));
            dbUrl = db.get().get("url").map(n -> n.asText(env)).filter(s -> !s.isBlank());
            dbUser = db.get().get("user").map(n -> n.asText(env)).orElse(dbUser);
            dbPassword = db.get().get("password").map(n -> n.asText(env)).orElse(dbPassword);
            if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:")) {
                throw db.get().require("url").error("must be a JDBC URL such as jdbc:postgresql://host/db");
            }
        }
        Locale locale = root.get("locale").map(n -> {
            String tag = n.asText().trim().toLowerCase(Locale.ROOT);
            if (!tag.equals("ja") && !tag.equals("en")) {
                throw n.error("locale must be ja or en");
            }
            return Locale.forLanguageTag(tag);
        }).orElse(d.locale());
        Path feeds = root.get("feeds").map(n -> base.resolve(n.asText())).orElse(d.feedsFile());
        Path inventory = root.get("inventory").map(n -> base.resolve(n.asText())).orElse(d.inventoryFile());
        Path templates = root.get("templates").map(n -> base.resolve(n.asText())).orElse(d.templatesDir());

        FetchSettings fetch = root.get("fetch").map(n -> {
            n.requireOnlyKeys(Set.of("connect-timeout", "timeout", "max-bytes"));
            FetchSettings f = FetchSettings.defaults();
            return new FetchSettings(
                    n.get("connect-timeout").map(YamlNode::asDuration).orElse(f.connectTimeout()),
                    n.get("timeout").map(YamlNode::asDuration).orElse(f.timeout()),
                    n.get("max-bytes").map(v -> (long) v.asInt()).orElse(f.maxBytes()));
        }).orElse(FetchSettings.defaults());

        WebSettings web = root.get("web").map(n -> {
            n.requireOnlyKeys(Set.of("bind", "port", "base-url", "auth", "user-header", "basic-users"));
            WebSettings w = WebSettings.defaults();
            int port = n.get("port").map(YamlNode::asInt).orElse(w.port());
            String bind = n.get("bind").map(YamlNode::asText).orElse(w.bind());
            String auth = n.get("auth").map(YamlNode::asText).orElse("none");
            if (!Set.of("none", "basic", "header").contains(auth)) {
                throw n.require("auth").error("auth must be none, basic or header");
            }
            return new WebSettings(bind, port,
                    n.get("base-url").map(YamlNode::asText).orElse("http://" + bind + ":" + port),
                    auth, n.get("user-header").map(YamlNode::asText),
                    n.get("basic-users").map(v -> v.asText(env)));
        }).orElse(WebSettings.defaults());

        ScheduleSettings schedule = root.get("schedule").map(n -> {
            n.requireOnlyKeys(Set.of("digest", "timezone"));
            ScheduleSettings s = ScheduleSettings.defaults();
            ZoneId zone = n.get("timezone").map(z -> {
                try {
                    return ZoneId.of(z.asText());
                } catch (java.time.DateTimeException e) {
                    throw z.error("unknown time zone \"" + z.asText() + "\"");
                }
            }).orElse(s.timezone());
            String cron = n.get("digest").map(YamlNode::asText).orElse(s.digestCron());
            if (!org.quartz.CronExpression.isValidExpression(cron)) {
                throw n.require("digest").error("not a Quartz cron expression: \"" + cron + "\" (e.g. 0 0 9 ? * MON)");
            }
            return new ScheduleSettings(cron, zone);
        }).orElse(ScheduleSettings.defaults());

        AlertSettings alerts = root.get("alerts").map(n -> {
            n.requireOnlyKeys(Set.of("min-cvss", "kev", "japanese-alerts"));
            AlertSettings a = AlertSettings.defaults();
            return new AlertSettings(n.get("min-cvss").map(YamlNode::asDouble).orElse(a.minCvss()),
                    n.get("kev").map(YamlNode::asBoolean).orElse(a.kev()),
                    n.get("japanese-alerts").map(YamlNode::asBoolean).orElse(a.japaneseAlerts()));
        }).orElse(AlertSettings.defaults());

        List<YamlNode> channels = root.get("channels").map(YamlNode::items).orElse(List.of());
        return new ShiraseConfig(dataDir, dbUrl, dbUser, dbPassword, locale, feeds, inventory, templates,
                fetch, web, schedule, alerts, channels);
    }

    public ShiraseConfig withDataDir(Path dir) {
        return new ShiraseConfig(dir, databaseUrl, databaseUser, databasePassword, locale, feedsFile, inventoryFile,
                templatesDir, fetch, web, schedule, alerts, channels);
    }

    public ShiraseConfig withFeedsFile(Path file) {
        return new ShiraseConfig(dataDir, databaseUrl, databaseUser, databasePassword, locale, file, inventoryFile,
                templatesDir, fetch, web, schedule, alerts, channels);
    }

    public ShiraseConfig withInventoryFile(Path file) {
        return new ShiraseConfig(dataDir, databaseUrl, databaseUser, databasePassword, locale, feedsFile, file,
                templatesDir, fetch, web, schedule, alerts, channels);
    }

    public ShiraseConfig withWebPort(int port) {
        WebSettings w = new WebSettings(web.bind(), port, web.baseUrl().replace(":" + web.port(), ":" + port),
                web.auth(), web.userHeader(), web.basicUsers());
        return new ShiraseConfig(dataDir, databaseUrl, databaseUser, databasePassword, locale, feedsFile,
                inventoryFile, templatesDir, fetch, w, schedule, alerts, channels);
    }

    /** The JDBC URL in force: the configured one, or H2 under the data dir. */
    public String jdbcUrl() {
        return databaseUrl.orElseGet(() -> dev.shirase.store.Database.defaultUrl(dataDir));
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Path outboxDir() {
        return dataDir.resolve("outbox");
    }
}
