package dev.shirase.digest;

import java.util.List;

/** The closing part of a digest: advisory counts and health per source. */
public record DigestSummary(List<SourceHealthLine> sources) {
    public DigestSummary {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static DigestSummary empty() {
        return new DigestSummary(List.of());
    }

    public int totalAdvisories() {
        return sources.stream().mapToInt(SourceHealthLine::advisories).sum();
    }

    public List<SourceHealthLine> failing() {
        return sources.stream().filter(s -> !s.healthy()).toList();
    }
}
