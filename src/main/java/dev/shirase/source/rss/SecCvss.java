package dev.shirase.source.rss;

/** One {@code sec:cvss} element's attributes as written (score kept as text; the adapter validates it). */
public record SecCvss(String version, String score, String severity, String vector, String type) {
    public SecCvss {
        version = version == null ? "" : version.trim();
        score = score == null ? "" : score.trim();
        severity = severity == null ? "" : severity.trim();
        vector = vector == null ? "" : vector.trim();
        type = type == null ? "" : type.trim();
    }
}
