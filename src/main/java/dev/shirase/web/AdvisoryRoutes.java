package dev.shirase.web;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.Reference;
import dev.shirase.web.view.AdvisoryDetail;
import dev.shirase.web.view.ArchiveView;
import dev.shirase.web.view.MatchRow;
import dev.shirase.web.view.MatchView;
import dev.shirase.web.view.Revision;
import dev.shirase.web.view.TriageEvent;
import dev.shirase.web.view.TriageState;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One advisory: every field, the linked threat, our matching assets with verdict, reason and triage. */
final class AdvisoryRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryRoutes.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int MAX_NOTE = 2000;

    private final ArchiveView archive;
    private final MatchView matches;
    private final Pages pages;
    private final CsrfTokens csrf;
    private final ZoneId zone;

    AdvisoryRoutes(ArchiveView archive, MatchView matches, Pages pages, CsrfTokens csrf, ZoneId zone) {
        this.archive = archive;
        this.matches = matches;
        this.pages = pages;
        this.csrf = csrf;
        this.zone = zone;
    }

    void page(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<AdvisoryDetail> found = archive.advisory(id);
        if (found.isEmpty()) {
            pages.error(ctx, 404, "error.advisoryNotFound");
            return;
        }
        Lang lang = pages.lang(ctx);
        Messages t = pages.messages();
        AdvisoryDetail d = found.get();
        Advisory a = d.advisory();
        Map<String, Object> m = pages.base(ctx, "advisory", PathIds.advisoryPath(a.id()));
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("source", a.source());
        m.put("category", t.get(lang, "category." + a.category()));
        m.put("published", a.published().format(TIME));
        m.put("modified", a.modified().format(TIME));
        m.put("revision", a.revision());
        m.put("url", SafeLinks.httpOrEmpty(a.url()));
        m.put("severity", t.get(lang, "severity." + a.severity()));
        m.put("severityClass", a.severity().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Identifier i : a.identifiers().stream().sorted().toList()) {
            ids.add(Map.of("type", i.type().name(), "value", i.value(),
                    "searchUrl", Pages.link("/?q=" + SearchParams.encode("\"" + i.value() + "\""), lang)));
        }
        m.put("identifiers", ids);
        List<Map<String, Object>> related = new ArrayList<>();
        for (String r : d.relatedIds()) {
            related.add(Map.of("id", r, "href", Pages.link(PathIds.advisoryPath(r), lang)));
        }
        m.put("related", related);
        List<Map<String, Object>> cvss = new ArrayList<>();
        for (Cvss c : a.cvss()) {
            cvss.add(Map.of("version", c.version(), "score", String.format(Locale.ROOT, "%.1f", c.score()),
                    "severity", t.get(lang, "severity." + c.severity()), "vector", c.vector()));
        }
        m.put("cvss", cvss);
        List<Map<String, Object>> products = new ArrayList<>();
        for (AffectedProduct p : a.products()) {
            products.add(Map.of("vendor", p.vendor(), "product", p.product(), "cpe", p.cpe().orElse(""),
                    "versions", p.versionText().orElse("")));
        }
        m.put("products", products);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (Reference r : a.references()) {
            refs.add(Map.of("source", r.source(), "id", r.id(), "title", r.title().isBlank() ? r.url() : r.title(),
                    "url", SafeLinks.httpOrEmpty(r.url())));
        }
        m.put("references", refs);
        a.kev().ifPresent(k -> {
            Map<String, Object> kev = new LinkedHashMap<>();
            kev.put("cve", k.cve());
            kev.put("name", k.name());
            kev.put("dateAdded", k.dateAdded().toString());
            kev.put("dueDate", k.dueDate().toString());
            kev.put("ransomware", k.knownRansomware());
            kev.put("action", k.requiredAction());
            m.put("kev", kev);
        });
        a.epss().ifPresent(e -> m.put("epss", Map.of("cve", e.cve(),
                "score", String.format(Locale.ROOT, "%.3f", e.score()),
                "percentile", String.format(Locale.ROOT, "%.1f", e.percentile() * 100), "date", e.scoreDate().toString())));
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (Revision r : d.revisions()) {
            revisions.add(Map.of("revision", r.revision(), "at", r.changedAt().atZone(zone).format(TIME)));
        }
        m.put("revisions", revisions);
        m.put("matches", matchModels(matches.matchesFor(a.id()), lang, t, zone));
        Optional<String> user = Pages.user(ctx);
        m.put("canTriage", user.isPresent());
        m.put("csrf", user.map(csrf::tokenFor).orElse(""));
        m.put("triageUrl", PathIds.advisoryPath(a.id()) + "/triage");
        List<Map<String, String>> states = new ArrayList<>();
        for (TriageState s : TriageState.values()) {
            states.add(Map.of("code", s.code(), "label", t.get(lang, "triage." + s.code())));
        }
        m.put("states", states);
        m.put("saved", "1".equals(ctx.queryParam("saved")));
        pages.render(ctx, 200, "advisory", m);
    }

    static List<Map<String, Object>> matchModels(List<MatchRow> rows, Lang lang, Messages t, ZoneId zone) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MatchRow r : rows) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("advisoryId", r.advisoryId());
            mm.put("advisoryTitle", r.advisoryTitle());
            mm.put("advisoryHref", Pages.link(PathIds.advisoryPath(r.advisoryId()), lang));
            mm.put("assetId", r.assetId());
            mm.put("assetName", r.assetName().isBlank() ? r.assetId() : r.assetName());
            mm.put("assetVersion", r.assetVersion().orElse(""));
            mm.put("verdict", r.verdict());
            mm.put("verdictLabel", t.get(lang, "verdict." + r.verdict()));
            mm.put("verdictClass", r.verdict().toLowerCase(Locale.ROOT).replace('_', '-'));
            mm.put("reason", r.reason());
            mm.put("evidence", r.evidence());
            mm.put("state", r.state().code());
            mm.put("stateLabel", t.get(lang, "triage." + r.state().code()));
            List<Map<String, Object>> history = new ArrayList<>();
            for (TriageEvent e : r.history()) {
                history.add(Map.of("state", t.get(lang, "triage." + e.state().code()), "note", e.note(),
                        "user", e.user(), "at", e.at().atZone(zone).format(TIME)));
            }
            mm.put("history", history);
            out.add(mm);
        }
        return out;
    }

    void api(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<AdvisoryDetail> found = archive.advisory(id);
        if (found.isEmpty()) {
            Json.send(ctx, 404, Map.of("error", "advisory not found", "id", id));
            return;
        }
        AdvisoryDetail d = found.get();
        Map<String, Object> body = ApiShapes.advisory(d.advisory());
        body.put("related", d.relatedIds());
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (Revision r : d.revisions()) {
            revisions.add(Map.of("revision", r.revision(), "changedAt", r.changedAt()));
        }
        body.put("revisions", revisions);
        body.put("matches", matches.matchesFor(d.advisory().id()).stream().map(ApiShapes::match).toList());
        Json.send(ctx, 200, body);
    }

    /** POST from the advisory page: needs an identified user and this user's CSRF token; answers with a redirect. */
    void triage(Context ctx) {
        String id = ctx.pathParam("id");
        String user = Pages.user(ctx).orElseThrow(() ->
                new WebAuthException(403, "triage needs an identified user (web.auth basic or header)"));
        // Browsers say where a request comes from; a cross-site form post is refused even before the token check.
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            throw new WebAuthException(403, "cross-site request refused");
        }
        if (!csrf.valid(user, ctx.formParam("csrf"))) {
            throw new WebAuthException(403, "missing or invalid form token; reload the page and try again");
        }
        Optional<TriageState> state = TriageState.parse(ctx.formParam("state"));
        String asset = Optional.ofNullable(ctx.formParam("asset")).orElse("").strip();
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
        if (state.isEmpty() || asset.isEmpty() || note.length() > MAX_NOTE) {
            pages.error(ctx, 400, "error.badTriage");
            return;
        }
        try {
            matches.triage(id, asset, state.get(), note, user);
        } catch (NoSuchElementException e) {
            pages.error(ctx, 404, "error.matchNotFound");
            return;
        }
        LOG.info("triage {} / {} -> {} by {}", id, asset, state.get().code(), user);
        String lang = "en".equals(ctx.formParam("lang")) ? "&lang=en" : "ja".equals(ctx.formParam("lang")) ? "&lang=ja" : "";
        String target = PathIds.advisoryPath(id) + "?saved=1" + lang;
        ctx.status(303).header("Location", target);
    }
}
