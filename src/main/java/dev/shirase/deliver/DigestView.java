package dev.shirase.deliver;

import dev.shirase.digest.AssetLine;
import dev.shirase.digest.Audience;
import dev.shirase.digest.Digest;
import dev.shirase.digest.DigestEntry;
import dev.shirase.digest.DigestSection;
import dev.shirase.digest.Kind;
import dev.shirase.digest.Link;
import dev.shirase.digest.SectionKind;
import dev.shirase.digest.SourceHealthLine;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link Digest} into the plain variables the templates see. Untrusted values are capped in
 * length and links are reduced to safe http(s) ones here, so every template gets the same guarantees;
 * the escaping itself is the template engine's job.
 *
 * <p>{@code limit} caps the number of entries shown over all sections (Teams card size); the rest are
 * counted in {@code omitted}.
 */
final class DigestView {
    static final int MAX_TITLE = 300;
    static final int MAX_REASON = 1000;
    static final int MAX_SHORT = 200;
    static final int MAX_IDS = 20;
    static final int MAX_LINKS = 10;

    private DigestView() {
    }

    static Map<String, Object> of(Digest digest, Map<String, String> t, int limit) {
        Map<String, Object> v = new HashMap<>();
        v.put("t", t);
        v.put("key", digest.key());
        v.put("kind", digest.kind().name());
        v.put("alert", digest.kind() == Kind.ALERT);
        v.put("audience", digest.audience().code());
        v.put("admins", digest.audience() == Audience.ADMINS);
        v.put("lang", "en".equals(digest.locale().getLanguage()) ? "en" : "ja");
        v.put("windowFrom", digest.window().from().toString());
        v.put("windowTo", digest.window().lastDay().toString());
        String archive = digest.archiveUrl().flatMap(SafeUrl::of).orElse(null);
        v.put("archiveUrl", archive);

        int budget = Math.max(0, limit);
        int omitted = 0;
        String firstTitle = "";
        List<Map<String, Object>> sections = new ArrayList<>();
        for (DigestSection section : digest.sections()) {
            if (section.kind() == SectionKind.SUMMARY) {
                continue; // the summary is rendered from digest.summary() at the end
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (DigestEntry e : section.items()) {
                if (firstTitle.isEmpty()) {
                    firstTitle = cap(e.title(), MAX_TITLE);
                }
                if (budget > 0) {
                    items.add(entry(e, t));
                    budget--;
                } else {
                    omitted++;
                }
            }
            Map<String, Object> s = new HashMap<>();
            s.put("kind", section.kind().name());
            s.put("heading", t.getOrDefault("section." + section.kind().name(), section.kind().name()));
            s.put("count", section.items().size());
            s.put("items", items);
            s.put("omitted", section.items().size() - items.size());
            sections.add(s);
        }
        v.put("sections", sections);
        v.put("firstTitle", firstTitle);
        v.put("omitted", omitted);
        v.put("moreText", t.getOrDefault("more.omitted", "+{0}").replace("{0}", Integer.toString(omitted)));
        v.put("nothingMatched", digest.nothingMatched());

        Map<String, Object> summary = new HashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceHealthLine line : digest.summary().sources()) {
            Map<String, Object> s = new HashMap<>();
            s.put("source", cap(line.source(), MAX_SHORT));
            s.put("advisories", line.advisories());
            s.put("healthy", line.healthy());
            s.put("failure", line.failure().map(f -> cap(f, MAX_SHORT)).orElse(null));
            sources.add(s);
        }
        summary.put("sources", sources);
        summary.put("total", digest.summary().totalAdvisories());
        summary.put("failing", digest.summary().failing().size());
        v.put("summary", summary);
        return v;
    }

    private static Map<String, Object> entry(DigestEntry e, Map<String, String> t) {
        Map<String, Object> m = new HashMap<>();
        List<String> ids = e.ids().stream().limit(MAX_IDS).map(id -> cap(id, 80)).toList();
        m.put("ids", ids);
        m.put("idsText", String.join(", ", ids));
        m.put("title", cap(e.title().replace('\n', ' '), MAX_TITLE));
        List<Map<String, Object>> assets = new ArrayList<>();
        for (AssetLine a : e.assets()) {
            Map<String, Object> am = new HashMap<>();
            am.put("name", cap(a.name(), MAX_SHORT));
            am.put("version", a.version().map(x -> cap(x, MAX_SHORT)).orElse(null));
            am.put("owner", a.owner().map(x -> cap(x, MAX_SHORT)).orElse(null));
            String text = cap(a.name(), MAX_SHORT) + " "
                    + a.version().map(x -> cap(x, MAX_SHORT)).orElse(t.getOrDefault("label.version.unknown", "?"))
                    + a.owner().map(o -> " (" + t.getOrDefault("label.owner", "owner") + ": " + cap(o, MAX_SHORT) + ")").orElse("");
            am.put("text", text);
            assets.add(am);
        }
        m.put("assets", assets);
        m.put("reason", e.reason().isBlank() ? null : cap(e.reason(), MAX_REASON));
        m.put("action", e.action().map(a -> cap(a, MAX_SHORT)).orElse(null));
        List<Map<String, Object>> links = new ArrayList<>();
        for (Link l : e.links()) {
            if (links.size() >= MAX_LINKS) {
                break;
            }
            SafeUrl.of(l.url()).ifPresent(url -> {
                Map<String, Object> lm = new HashMap<>();
                lm.put("label", cap(l.label().isBlank() ? url : l.label(), 100));
                lm.put("url", url);
                links.add(lm);
            });
        }
        m.put("links", links);
        m.put("kev", e.kev());
        m.put("japaneseAlert", e.japaneseAlert());
        m.put("cvss", e.cvss().map(c -> String.format(Locale.ROOT, "%.1f", c)).orElse(null));
        m.put("epss", e.epss().map(p -> String.format(Locale.ROOT, "%.1f%%", p * 100)).orElse(null));
        m.put("published", e.published().format(DateTimeFormatter.ISO_LOCAL_DATE));
        return m;
    }

    /** Caps untrusted text and flattens control characters (a title must stay one line). */
    static String cap(String s, int max) {
        String flat = s.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= max) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }
}
