package dev.shirase.web.view;

import java.time.Instant;
import java.util.Objects;

/** One triage action: who set which state, when, with which note. */
public record TriageEvent(TriageState state, String note, String user, Instant at) {
    public TriageEvent {
        Objects.requireNonNull(state, "state");
        note = note == null ? "" : note;
        user = user == null ? "" : user;
        Objects.requireNonNull(at, "at");
    }
}
