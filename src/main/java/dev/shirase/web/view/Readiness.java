package dev.shirase.web.view;

/** Whether the service can answer: the database is reachable and the index is open (with why not). */
public record Readiness(boolean database, String databaseDetail, boolean index, String indexDetail) {
    public boolean ready() {
        return database && index;
    }
}
