package dev.shirase.store;

import dev.shirase.source.SourceState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fetch state per source (validators, health, backoff, gap warning), one row per source id. */
public final class SourceStateRepository {

    private static final String COLUMNS = "source_id, last_attempt, last_success, last_error, etag, last_modified,"
            + " item_count, consecutive_failures, next_attempt, gap_warning";

    private final Database db;

    public SourceStateRepository(Database db) {
        this.db = db;
    }

    public Optional<SourceState> load(String sourceId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM source_state WHERE source_id = ?")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read state of source " + sourceId + ": " + e.getMessage(), e);
        }
    }

    /** Every stored source state, by source id. */
    public List<SourceState> all() {
        try (Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT " + COLUMNS + " FROM source_state ORDER BY source_id")) {
            List<SourceState> states = new ArrayList<>();
            while (rs.next()) {
                states.add(read(rs));
            }
            return states;
        } catch (SQLException e) {
            throw new StoreException("cannot read source states: " + e.getMessage(), e);
        }
    }

    /** Inserts or replaces the state of {@code state.sourceId()} (error texts are cut to 4,000 characters). */
    public void save(SourceState state) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM source_state WHERE source_id = ?")) {
                    ps.setString(1, state.sourceId());
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                String sql = exists
                        ? "UPDATE source_state SET last_attempt=?, last_success=?, last_error=?, etag=?, last_modified=?,"
                          + " item_count=?, consecutive_failures=?, next_attempt=?, gap_warning=? WHERE source_id=?"
                        : "INSERT INTO source_state (last_attempt, last_success, last_error, etag, last_modified,"
                          + " item_count, consecutive_failures, next_attempt, gap_warning, source_id)"
                          + " VALUES (?,?,?,?,?,?,?,?,?,?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Sql.setInstant(ps, 1, state.lastAttempt());
                    Sql.setInstant(ps, 2, state.lastSuccess());
                    Sql.setText(ps, 3, state.lastError(), 4000);
                    Sql.setText(ps, 4, state.etag(), 1000);
                    Sql.setText(ps, 5, state.lastModified(), 200);
                    ps.setInt(6, state.itemCount());
                    ps.setInt(7, state.consecutiveFailures());
                    Sql.setInstant(ps, 8, state.nextAttempt());
                    Sql.setText(ps, 9, state.gapWarning(), 4000);
                    ps.setString(10, state.sourceId());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save state of source " + state.sourceId() + ": " + e.getMessage(), e);
        }
    }

    private static SourceState read(ResultSet rs) throws SQLException {
        return new SourceState(rs.getString("source_id"), Sql.instant(rs, "last_attempt"),
                Sql.instant(rs, "last_success"), Sql.text(rs, "last_error"), Sql.text(rs, "etag"),
                Sql.text(rs, "last_modified"), rs.getInt("item_count"), rs.getInt("consecutive_failures"),
                Sql.instant(rs, "next_attempt"), Sql.text(rs, "gap_warning"));
    }
}
