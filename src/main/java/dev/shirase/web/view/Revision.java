package dev.shirase.web.view;

import java.time.Instant;

/** One entry of an advisory's change history (revision 1: first seen). */
public record Revision(int revision, Instant changedAt) {
}
