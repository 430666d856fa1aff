package dev.shirase.source;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.KevEntry;
import java.util.List;

/**
 * What one parsed feed document yields: advisories, or enrichment records (KEV, EPSS), never null.
 * {@code totalResults} is the server's total when the format pages (MyJVN), else the advisory count.
 */
public record ParsedFeed(List<Advisory> advisories, List<KevEntry> kev, List<EpssScore> epss, int totalResults) {
    public ParsedFeed {
        advisories = advisories == null ? List.of() : List.copyOf(advisories);
        kev = kev == null ? List.of() : List.copyOf(kev);
        epss = epss == null ? List.of() : List.copyOf(epss);
    }

    public static ParsedFeed ofAdvisories(List<Advisory> advisories) {
        return new ParsedFeed(advisories, List.of(), List.of(), advisories.size());
    }

    public int itemCount() {
        return advisories.size() + kev.size() + epss.size();
    }
}
