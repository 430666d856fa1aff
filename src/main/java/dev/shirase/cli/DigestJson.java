package dev.shirase.cli;

import dev.shirase.digest.AssetLine;
import dev.shirase.digest.Digest;
import dev.shirase.digest.DigestEntry;
import dev.shirase.digest.DigestSection;
import dev.shirase.digest.SourceHealthLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code digest --json} shape: {@code {"window": {"from", "to"}, "sections": [{"kind", "items": [{"ids",
 * "title", "assets", "reason", …}]}]}}. Both window dates are inclusive. The SUMMARY section has no items but
 * {@code sources} (count and failure per source) and {@code nothingMatched}.
 */
final class DigestJson {
    private DigestJson() {
    }

    static Map<String, Object> of(Digest digest) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", digest.key());
        out.put("audience", digest.audience().code());
        out.put("window", Map.of("from", digest.window().from().toString(), "to", digest.window().lastDay().toString()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (DigestSection section : digest.sections()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", section.kind().name());
            s.put("items", section.items().stream().map(DigestJson::item).toList());
            if (section.kind() == dev.shirase.digest.SectionKind.SUMMARY) {
                s.put("nothingMatched", digest.nothingMatched());
                s.put("sources", digest.summary().sources().stream().map(DigestJson::source).toList());
            }
            sections.add(s);
        }
        out.put("sections", sections);
        return out;
    }

    private static Map<String, Object> item(DigestEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ids", e.ids());
        m.put("title", e.title());
        m.put("assets", e.assets().stream().map(DigestJson::asset).toList());
        m.put("reason", e.reason());
        m.put("action", e.action().orElse(null));
        m.put("kev", e.kev());
        m.put("japaneseAlert", e.japaneseAlert());
        m.put("cvss", e.cvss().orElse(null));
        m.put("epss", e.epss().orElse(null));
        m.put("links", e.links().stream().map(l -> l.url()).toList());
        return m;
    }

    static String asset(AssetLine a) {
        return a.name() + a.version().map(v -> " " + v).orElse("") + a.owner().map(o -> " (" + o + ")").orElse("");
    }

    private static Map<String, Object> source(SourceHealthLine s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source());
        m.put("advisories", s.advisories());
        m.put("healthy", s.healthy());
        m.put("failure", s.failure().orElse(null));
        return m;
    }
}
