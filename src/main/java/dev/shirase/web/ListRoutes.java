package dev.shirase.web;

import dev.shirase.source.SourceState;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.AssetRow;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.MatchView;
import dev.shirase.web.view.SentDigest;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The list pages and their JSON: past digests, source health, inventory with open matches, all matches. */
final class ListRoutes {

    private final ArchiveView archive;
    private final MatchView matches;
    private final DigestArchive digests;
    private final Pages pages;
    private final ZoneId zone;

    ListRoutes(ArchiveView archive, MatchView matches, DigestArchive digests, Pages pages, ZoneId zone) {
        this.archive = archive;
        this.matches = matches;
        this.digests = digests;
        this.pages = pages;
        this.zone = zone;
    }

    private static Optional<String> audience(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("audience")).map(a -> a.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.equals("staff") || a.equals("admins"));
    }

    void digestsPage(Context ctx) {
        Lang lang = pages.lang(ctx);
        Messages t = pages.messages();
        Optional<String> audience = audience(ctx);
        Map<String, Object> m = pages.base(ctx, "digests", "/digests" + audience.map(a -> "?audience=" + a).orElse(""));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SentDigest d : digests.digests(audience)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", d.key());
            r.put("kind", t.get(lang, "kind." + d.kind()));
            r.put("audience", d.audience().isEmpty() ? "" : t.get(lang, "audience." + d.audience()));
            r.put("channel", d.channel());
            r.put("state", t.get(lang, "delivery." + d.state()));
            r.put("stateClass", d.state());
            r.put("date", d.sentAt().orElse(d.createdAt()).atZone(zone).format(AdvisoryRoutes.TIME));
            r.put("subject", d.subject());
            r.put("text", d.text());
            rows.add(r);
        }
        m.put("digests", rows);
        m.put("audience", audience.orElse(""));
        m.put("allUrl", Pages.link("/digests", lang));
        m.put("staffUrl", Pages.link("/digests?audience=staff", lang));
        m.put("adminsUrl", Pages.link("/digests?audience=admins", lang));
        pages.render(ctx, 200, "digests", m);
    }

    void digestsApi(Context ctx) {
        Json.send(ctx, 200, digests.digests(audience(ctx)).stream().map(ApiShapes::digest).toList());
    }

    void sourcesPage(Context ctx) {
        Lang lang = pages.lang(ctx);
        Map<String, Object> m = pages.base(ctx, "sources", "/sources");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SourceState s : archive.sources()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", s.sourceId());
            r.put("healthy", s.healthy());
            r.put("health", pages.messages().get(lang, s.healthy() ? "sources.healthy" : "sources.unhealthy"));
            r.put("lastSuccess", s.lastSuccess().map(i -> i.atZone(zone).format(AdvisoryRoutes.TIME)).orElse("—"));
            r.put("lastAttempt", s.lastAttempt().map(i -> i.atZone(zone).format(AdvisoryRoutes.TIME)).orElse("—"));
            r.put("lastError", s.lastError().orElse(""));
            r.put("items", s.itemCount());
            r.put("reason", s.healthReason());
            rows.add(r);
        }
        m.put("sources", rows);
        m.put("advisoryCount", archive.advisoryCount());
        pages.render(ctx, 200, "sources", m);
    }

    void sourcesApi(Context ctx) {
        Json.send(ctx, 200, ApiShapes.sources(archive.sources()));
    }

    void inventoryPage(Context ctx) {
        Lang lang = pages.lang(ctx);
        Messages t = pages.messages();
        Map<String, Object> m = pages.base(ctx, "inventory", "/inventory");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AssetRow a : matches.assets()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", a.id());
            r.put("name", a.name().isBlank() ? a.id() : a.name());
            r.put("product", (a.vendor() + " " + a.product()).strip());
            r.put("version", a.version().orElse(t.get(lang, "inventory.versionUnknown")));
            r.put("owner", a.owner());
            r.put("matches", AdvisoryRoutes.matchModels(a.openMatches(), lang, t, zone));
            rows.add(r);
        }
        m.put("assets", rows);
        pages.render(ctx, 200, "inventory", m);
    }

    void matchesApi(Context ctx) {
        Optional<String> verdict = Optional.ofNullable(ctx.queryParam("verdict"))
                .map(v -> v.strip().toUpperCase(Locale.ROOT).replace('-', '_')).filter(v -> !v.isEmpty());
        if (verdict.isPresent() && !List.of("AFFECTED", "CHECK", "NOT_AFFECTED").contains(verdict.get())) {
            Json.send(ctx, 400, Map.of("error", "verdict must be AFFECTED, CHECK or NOT_AFFECTED"));
            return;
        }
        Optional<String> asset = Optional.ofNullable(ctx.queryParam("asset")).map(String::strip).filter(a -> !a.isEmpty());
        Json.send(ctx, 200, matches.matches(verdict, asset).stream().map(ApiShapes::match).toList());
    }
}
