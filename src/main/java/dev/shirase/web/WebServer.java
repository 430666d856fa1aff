package dev.shirase.web;

import dev.shirase.config.ShiraseConfig;
import dev.shirase.config.ShiraseConfig.WebSettings;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.MatchView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive web page and its JSON API (Javalin 7 on Jetty 12).
 *
 * <p>Pages: {@code /} search, {@code /advisories/{id}} (+ {@code POST …/triage}), {@code /digests}, {@code /sources},
 * {@code /inventory}. API: {@code /api/search}, {@code /api/advisories/{id}}, {@code /api/matches},
 * {@code /api/digests}, {@code /api/sources}. Operations: {@code /health}, {@code /metrics}. Every answer carries a
 * strict Content-Security-Policy (no script at all), nosniff and no-referrer.
 *
 * <p>The data comes from three ports ({@link ArchiveView}, {@link MatchView}, {@link DigestArchive}) so the pages do
 * not know the store or the index; {@code dev.shirase.web.adapter} implements them over the real ones.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final WebSettings settings;
    private final WebAuth auth;
    private final RequestMetrics metrics = new RequestMetrics();
    private final Javalin app;

    /**
     * @param settings      {@code web:} from shirase.yaml (bind, port, auth; basic-users already resolved from env)
     * @param locale        default page language (shirase.yaml {@code locale}); {@code ?lang=en|ja} overrides
     * @param zone          time zone for times shown on pages (schedule.timezone, Asia/Tokyo by default)
     * @param templatesDir  the editable templates folder; pages come from {@code <dir>/web/}, else from the jar
     * @throws IllegalArgumentException when the auth settings are unusable (e.g. basic without users)
     */
    public WebServer(WebSettings settings, Locale locale, ZoneId zone, Path templatesDir, ArchiveView archive,
                     MatchView matches, DigestArchive digests) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.auth = WebAuth.from(settings);
        Pages pages = new Pages(new PageRenderer(templatesDir), new Messages(templatesDir), locale);
        CsrfTokens csrf = new CsrfTokens();
        SearchRoutes search = new SearchRoutes(archive, pages);
        AdvisoryRoutes advisory = new AdvisoryRoutes(archive, matches, pages, csrf, zone);
        ListRoutes lists = new ListRoutes(archive, matches, digests, pages, zone);
        OpsRoutes ops = new OpsRoutes(archive, metrics);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = 64 * 1024;
            c.router.ignoreTrailingSlashes = true;
            c.routes.before(ctx -> {
                secure(ctx);
                if (!ctx.path().equals("/health") && !ctx.path().startsWith("/static/")) {
                    auth.identify(ctx::header).ifPresent(user -> ctx.attribute(Pages.USER, user));
                }
            });
            c.routes.get("/", timed("search_page", search::page));
            c.routes.get("/advisories/<id>", timed("advisory_page", advisory::page));
            c.routes.post("/advisories/<id>/triage", timed("triage", advisory::triage));
            c.routes.get("/digests", timed("digests_page", lists::digestsPage));
            c.routes.get("/sources", timed("sources_page", lists::sourcesPage));
            c.routes.get("/inventory", timed("inventory_page", lists::inventoryPage));
            c.routes.get("/api/search", timed("api_search", search::api));
            c.routes.get("/api/advisories/<id>", timed("api_advisory", advisory::api));
            c.routes.get("/api/matches", timed("api_matches", lists::matchesApi));
            c.routes.get("/api/digests", timed("api_digests", lists::digestsApi));
            c.routes.get("/api/sources", timed("api_sources", lists::sourcesApi));
            c.routes.get("/health", timed("health", ops::health));
            c.routes.get("/metrics", timed("metrics", ops::metrics));
            c.routes.get("/static/shirase.css", ops::css);
            c.routes.exception(WebAuthException.class, (e, ctx) -> refuse(ctx, e));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                plain(ctx, 500, "internal error");
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    plain(ctx, 404, "not found");
                }
            });
        });
    }

    /** The server as shirase.yaml configures it: web settings, locale, schedule time zone and templates folder. */
    public static WebServer fromConfig(ShiraseConfig config, ArchiveView archive, MatchView matches,
                                       DigestArchive digests) {
        return new WebServer(config.web(), config.locale(), config.schedule().timezone(), config.templatesDir(),
                archive, matches, digests);
    }

    /** Starts on the configured bind address and port. */
    public WebServer start() {
        return start(settings.bind(), settings.port());
    }

    /** Starts on {@code bind}:{@code port} (port 0: any free port, see {@link #port()}). */
    public WebServer start(String bind, int port) {
        app.start(bind, port);
        LOG.info("web page at http://{}:{}/ (auth {})", bind, app.port(), auth.mode().name().toLowerCase(Locale.ROOT));
        return this;
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    /** Request counters and latencies, as served on /metrics. */
    public RequestMetrics metrics() {
        return metrics;
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private Handler timed(String route, Handler handler) {
        return ctx -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                handler.handle(ctx);
                status = ctx.statusCode();
            } catch (WebAuthException e) {
                status = e.status();
                throw e;
            } finally {
                metrics.record(route, status, System.nanoTime() - start);
            }
        };
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private void refuse(Context ctx, WebAuthException e) {
        if (e.status() == 401 && auth.mode() == WebAuth.Mode.BASIC) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Shirase\", charset=\"UTF-8\"");
        }
        if (ctx.path().startsWith("/api/")) {
            Json.send(ctx, e.status(), Map.of("error", e.getMessage()));
        } else {
            plain(ctx, e.status(), e.getMessage());
        }
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }
}
