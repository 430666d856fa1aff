package dev.shirase.ingest;

import java.util.Optional;

/**
 * What one poll of one source did; {@code fetch --json} prints these.
 *
 * @param status  ok, not_modified or error
 * @param added   advisories new to the archive (or enrichment rows stored, for KEV/EPSS)
 * @param updated advisories whose content changed (revisions)
 */
public record PollReport(String sourceId, Status status, int added, int updated, int unchanged,
                         Optional<String> error, Optional<String> gapWarning) {

    public enum Status {
        OK("ok"), NOT_MODIFIED("not_modified"), ERROR("error"), SKIPPED("skipped");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public static PollReport notModified(String sourceId) {
        return new PollReport(sourceId, Status.NOT_MODIFIED, 0, 0, 0, Optional.empty(), Optional.empty());
    }

    public static PollReport failed(String sourceId, String error) {
        return new PollReport(sourceId, Status.ERROR, 0, 0, 0, Optional.of(error), Optional.empty());
    }

    public static PollReport skipped(String sourceId, String why) {
        return new PollReport(sourceId, Status.SKIPPED, 0, 0, 0, Optional.of(why), Optional.empty());
    }

    public boolean failed() {
        return status == Status.ERROR;
    }
}
