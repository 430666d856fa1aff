package dev.shirase.inventory.store;

import java.util.Locale;

/** Where staff are with one advisory × asset: open (nobody decided), in-progress, done, not-affected. */
public enum TriageState {
    OPEN("open"), IN_PROGRESS("in-progress"), DONE("done"), NOT_AFFECTED("not-affected");

    private final String label;

    TriageState(String label) {
        this.label = label;
    }

    /** The CLI / JSON spelling: {@code done}, {@code not-affected}, {@code in-progress}, {@code open}. */
    public String label() {
        return label;
    }

    /** Reads {@code done|not-affected|in-progress|open} (also the enum names); anything else is an error. */
    public static TriageState parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TriageState s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("triage state must be done, not-affected, in-progress or open, not '" + text + "'");
    }
}
