package dev.shirase.web;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.Reference;
import dev.shirase.source.SourceState;
import dev.shirase.web.view.MatchRow;
import dev.shirase.web.view.SentDigest;
import dev.shirase.web.view.TriageEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API, written out field by field so that what clients see is explicit and stable.
 * Absent values are {@code null}; links are http(s) or "".
 */
final class ApiShapes {

    private ApiShapes() {
    }

    static Map<String, Object> advisory(Advisory a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("source", a.source());
        m.put("url", SafeLinks.httpOrEmpty(a.url()));
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("published", a.published());
        m.put("modified", a.modified());
        m.put("category", a.category().name());
        m.put("severity", a.severity().name());
        m.put("revision", a.revision());
        m.put("identifiers", a.identifiers().stream().sorted()
                .map((Identifier i) -> Map.of("type", i.type().name(), "value", i.value())).toList());
        m.put("cves", a.cves());
        m.put("cvss", a.cvss().stream().map((Cvss c) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("version", c.version());
            x.put("score", c.score());
            x.put("severity", c.severity().name());
            x.put("vector", c.vector());
            return x;
        }).toList());
        m.put("products", a.products().stream().map((AffectedProduct p) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("vendor", p.vendor());
            x.put("product", p.product());
            x.put("cpe", p.cpe().orElse(null));
            x.put("versions", p.versionText().orElse(null));
            return x;
        }).toList());
        m.put("references", a.references().stream().map((Reference r) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source", r.source());
            x.put("id", r.id());
            x.put("title", r.title());
            x.put("url", SafeLinks.httpOrEmpty(r.url()));
            return x;
        }).toList());
        m.put("kev", a.kev().map(k -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("cve", k.cve());
            x.put("name", k.name());
            x.put("dateAdded", k.dateAdded());
            x.put("dueDate", k.dueDate());
            x.put("knownRansomware", k.knownRansomware());
            x.put("requiredAction", k.requiredAction());
            return (Object) x;
        }).orElse(null));
        m.put("epss", a.epss().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("cve", e.cve());
            x.put("score", e.score());
            x.put("percentile", e.percentile());
            x.put("date", e.scoreDate());
            return (Object) x;
        }).orElse(null));
        return m;
    }

    static Map<String, Object> match(MatchRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advisoryId", r.advisoryId());
        m.put("advisoryTitle", r.advisoryTitle());
        m.put("assetId", r.assetId());
        m.put("assetName", r.assetName());
        m.put("assetVersion", r.assetVersion().orElse(null));
        m.put("verdict", r.verdict());
        m.put("reason", r.reason());
        m.put("evidence", r.evidence());
        m.put("state", r.state().code());
        m.put("history", r.history().stream().map(ApiShapes::event).toList());
        return m;
    }

    private static Map<String, Object> event(TriageEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", e.state().code());
        m.put("note", e.note());
        m.put("user", e.user());
        m.put("at", e.at());
        return m;
    }

    static Map<String, Object> source(SourceState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.sourceId());
        m.put("healthy", s.healthy());
        m.put("status", s.healthReason());
        m.put("lastAttempt", s.lastAttempt().orElse(null));
        m.put("lastSuccess", s.lastSuccess().orElse(null));
        m.put("lastError", s.lastError().orElse(null));
        m.put("items", s.itemCount());
        m.put("consecutiveFailures", s.consecutiveFailures());
        m.put("nextAttempt", s.nextAttempt().orElse(null));
        m.put("gapWarning", s.gapWarning().orElse(null));
        return m;
    }

    static Map<String, Object> digest(SentDigest d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("kind", d.kind());
        m.put("audience", d.audience());
        m.put("channel", d.channel());
        m.put("state", d.state());
        m.put("createdAt", d.createdAt());
        m.put("sentAt", d.sentAt().orElse(null));
        m.put("subject", d.subject());
        m.put("text", d.text());
        return m;
    }

    static List<Map<String, Object>> sources(List<SourceState> states) {
        return states.stream().map(ApiShapes::source).toList();
    }
}
