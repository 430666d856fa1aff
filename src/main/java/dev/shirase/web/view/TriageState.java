package dev.shirase.web.view;

import java.util.Locale;
import java.util.Optional;

/** Where a person has taken one match: untouched/reopened, being handled, done, or judged not affected. */
public enum TriageState {
    OPEN, IN_PROGRESS, DONE, NOT_AFFECTED;

    /** The form and URL value: {@code open}, {@code in-progress}, {@code done}, {@code not-affected}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TriageState> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (TriageState s : values()) {
            if (s.code().equals(code.trim().toLowerCase(Locale.ROOT)) || s.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether the match still needs someone's attention. */
    public boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
