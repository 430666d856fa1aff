package dev.shirase.digest;

import dev.shirase.advisory.Advisory;
import dev.shirase.store.AdvisoryRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups advisories into {@link Threat}s through {@link AdvisoryRepository#relatedIds}. */
public final class ThreatFinder {
    private final AdvisoryRepository advisories;

    public ThreatFinder(AdvisoryRepository advisories) {
        this.advisories = advisories;
    }

    /**
     * The threats that {@code seeds} belong to, each once, in the order of their first seed. A threat also holds
     * related advisories outside {@code seeds} (an older alert naming the CVE, for instance).
     */
    public List<Threat> threatsOf(Collection<String> seeds) {
        Map<String, Threat> byAdvisory = new HashMap<>();
        List<Threat> out = new ArrayList<>();
        for (String seed : seeds) {
            if (byAdvisory.containsKey(seed)) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            group.add(seed);
            group.addAll(advisories.relatedIds(seed));
            List<Advisory> found = advisories.findAll(group);
            if (found.isEmpty()) {
                continue;
            }
            Threat threat = Threat.of(found);
            out.add(threat);
            found.forEach(a -> byAdvisory.put(a.id(), threat));
        }
        return out;
    }
}
