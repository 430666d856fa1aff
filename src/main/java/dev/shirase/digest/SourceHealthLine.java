package dev.shirase.digest;

import java.util.Objects;
import java.util.Optional;

/**
 * One source in the closing summary: how many advisories it brought in the window, and, when it
 * has been failing, why — so that silence is never mistaken for a breakdown.
 */
public record SourceHealthLine(String source, int advisories, Optional<String> failure) {
    public SourceHealthLine {
        Objects.requireNonNull(source, "source");
        failure = failure == null ? Optional.empty() : failure.filter(f -> !f.isBlank());
    }

    public static SourceHealthLine healthy(String source, int advisories) {
        return new SourceHealthLine(source, advisories, Optional.empty());
    }

    public static SourceHealthLine failing(String source, int advisories, String reason) {
        return new SourceHealthLine(source, advisories, Optional.of(reason));
    }

    public boolean healthy() {
        return failure.isEmpty();
    }
}
