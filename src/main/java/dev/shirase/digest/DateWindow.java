package dev.shirase.digest;

import java.time.LocalDate;
import java.util.Objects;

/** The days a digest covers: {@code from} inclusive, {@code to} exclusive (the send day). */
public record DateWindow(LocalDate from, LocalDate to) {

    public DateWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
        }
    }

    /** The seven days before {@code asOf}: the default digest window. */
    public static DateWindow weekBefore(LocalDate asOf) {
        return new DateWindow(asOf.minusDays(7), asOf);
    }

    /** The last day inside the window (for display: 11/16〜11/22). */
    public LocalDate lastDay() {
        return to.equals(from) ? from : to.minusDays(1);
    }

    /** {@code 2026-11-16..2026-11-23}, as used in keys. */
    @Override
    public String toString() {
        return from + ".." + to;
    }
}
