package dev.shirase.digest;

import java.util.Comparator;
import java.util.Optional;

/**
 * Digest order, most urgent first: KEV listed, then named by a Japanese government alert, then CVSS
 * (highest first, unknown last), then EPSS (same), then recency (newest first), then the first id so
 * the order is total and stable.
 */
public final class DigestEntryOrder implements Comparator<DigestEntry> {

    public static final DigestEntryOrder INSTANCE = new DigestEntryOrder();

    private static final Comparator<DigestEntry> ORDER = Comparator
            .comparing((DigestEntry e) -> !e.kev())
            .thenComparing(e -> !e.japaneseAlert())
            .thenComparing(e -> descendingUnknownLast(e.cvss()))
            .thenComparing(e -> descendingUnknownLast(e.epss()))
            .thenComparing(DigestEntry::published, Comparator.reverseOrder())
            .thenComparing(e -> e.ids().isEmpty() ? "" : e.ids().get(0));

    private DigestEntryOrder() {
    }

    /** Negated so that ascending order puts the highest score first; unknown sorts after any score. */
    private static double descendingUnknownLast(Optional<Double> score) {
        return score.map(s -> -s).orElse(Double.POSITIVE_INFINITY);
    }

    @Override
    public int compare(DigestEntry a, DigestEntry b) {
        return ORDER.compare(a, b);
    }
}
