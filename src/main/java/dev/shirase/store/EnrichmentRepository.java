package dev.shirase.store;

import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.KevEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * CISA KEV entries and FIRST EPSS scores by CVE. Loads are batched (5,000 rows per round trip): one SELECT of the
 * stored rows for the batch, then batched INSERTs for new CVEs and UPDATEs for changed ones; unchanged rows are
 * not written. Entries are never deleted (a CVE leaving the KEV catalogue is rare and keeps its last entry).
 */
public final class EnrichmentRepository {

    static final int BATCH = 5_000;

    private final Database db;

    public EnrichmentRepository(Database db) {
        this.db = db;
    }

    /** Inserts or updates KEV entries; returns how many rows were inserted or changed. */
    public int upsertKev(List<KevEntry> entries) {
        return upsert(entries, KevEntry::cve, EnrichmentRepository::kevByCve,
                "INSERT INTO kev_entry (vendor, product, name, date_added, due_date, known_ransomware, required_action, cve)"
                        + " VALUES (?,?,?,?,?,?,?,?)",
                "UPDATE kev_entry SET vendor=?, product=?, name=?, date_added=?, due_date=?, known_ransomware=?,"
                        + " required_action=? WHERE cve=?",
                (ps, e) -> {
                    ps.setString(1, Sql.truncate(nz(e.vendor()), 1000));
                    ps.setString(2, Sql.truncate(nz(e.product()), 1000));
                    ps.setString(3, Sql.truncate(nz(e.name()), 2000));
                    ps.setObject(4, e.dateAdded());
                    ps.setObject(5, e.dueDate());
                    ps.setBoolean(6, e.knownRansomware());
                    ps.setString(7, Sql.truncate(nz(e.requiredAction()), 4000));
                    ps.setString(8, e.cve());
                }, "KEV entries");
    }

    /** Inserts or updates EPSS scores (330k rows load in seconds); returns how many were inserted or changed. */
    public int upsertEpss(List<EpssScore> scores) {
        return upsert(scores, EpssScore::cve, EnrichmentRepository::epssByCve,
                "INSERT INTO epss_score (score, percentile, score_date, cve) VALUES (?,?,?,?)",
                "UPDATE epss_score SET score=?, percentile=?, score_date=? WHERE cve=?",
                (ps, s) -> {
                    ps.setDouble(1, s.score());
                    ps.setDouble(2, s.percentile());
                    ps.setObject(3, s.scoreDate());
                    ps.setString(4, s.cve());
                }, "EPSS scores");
    }

    public Optional<KevEntry> kev(String cve) {
        try (Connection c = db.connection()) {
            return Optional.ofNullable(kevByCve(c, List.of(cve)).get(cve));
        } catch (SQLException e) {
            throw new StoreException("cannot read KEV entry " + cve + ": " + e.getMessage(), e);
        }
    }

    public Optional<EpssScore> epss(String cve) {
        try (Connection c = db.connection()) {
            return Optional.ofNullable(epssByCve(c, List.of(cve)).get(cve));
        } catch (SQLException e) {
            throw new StoreException("cannot read EPSS score " + cve + ": " + e.getMessage(), e);
        }
    }

    public int kevCount() {
        return count("kev_entry");
    }

    public int epssCount() {
        return count("epss_score");
    }

    /** Ids of stored advisories carrying any of these CVEs: what to re-index after an enrichment update. */
    public Set<String> advisoryIdsWithCves(Collection<String> cves) {
        Set<String> ids = new TreeSet<>();
        try (Connection c = db.connection()) {
            for (List<String> chunk : Sql.chunks(new TreeSet<>(cves), Sql.ANY_CHUNK)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT advisory_id FROM advisory_identifier"
                        + " WHERE id_type = 'CVE' AND id_value = ANY(?)")) {
                    Sql.bindArray(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot find advisories by CVE: " + e.getMessage(), e);
        }
    }

    /** KEV entries stored for any of these CVEs, by CVE (used to enrich advisories on read). */
    static Map<String, KevEntry> kevByCve(Connection c, Collection<String> cves) throws SQLException {
        Map<String, KevEntry> found = new HashMap<>();
        for (List<String> chunk : Sql.chunks(cves, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT cve, vendor, product, name, date_added, due_date,"
                    + " known_ransomware, required_action FROM kev_entry WHERE cve = ANY(?)")) {
                Sql.bindArray(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString("cve"), new KevEntry(rs.getString("cve"), rs.getString("vendor"),
                                rs.getString("product"), rs.getString("name"), rs.getObject("date_added", LocalDate.class),
                                rs.getObject("due_date", LocalDate.class), rs.getBoolean("known_ransomware"),
                                rs.getString("required_action")));
                    }
                }
            }
        }
        return found;
    }

    /** EPSS scores stored for any of these CVEs, by CVE. */
    static Map<String, EpssScore> epssByCve(Connection c, Collection<String> cves) throws SQLException {
        Map<String, EpssScore> found = new HashMap<>();
        for (List<String> chunk : Sql.chunks(cves, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT cve, score, percentile, score_date FROM epss_score"
                    + " WHERE cve = ANY(?)")) {
                Sql.bindArray(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString("cve"), new EpssScore(rs.getString("cve"), rs.getDouble("score"),
                                rs.getDouble("percentile"), rs.getObject("score_date", LocalDate.class)));
                    }
                }
            }
        }
        return found;
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private interface Loader<T> {
        Map<String, T> load(Connection c, Collection<String> keys) throws SQLException;
    }

    /** Shared SELECT-then-INSERT/UPDATE load; both statements take the key as their last parameter. */
    private <T> int upsert(List<T> rows, java.util.function.Function<T, String> key, Loader<T> loader,
                           String insertSql, String updateSql, Binder<T> binder, String what) {
        // The last row for a CVE wins, as if applied one by one.
        Map<String, T> byKey = new LinkedHashMap<>();
        for (T row : rows) {
            byKey.put(key.apply(row), row);
        }
        int written = 0;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(insertSql);
                 PreparedStatement update = c.prepareStatement(updateSql)) {
                for (List<String> chunk : Sql.chunks(byKey.keySet(), BATCH)) {
                    Map<String, T> stored = loader.load(c, chunk);
                    for (String k : chunk) {
                        T row = byKey.get(k);
                        T old = stored.get(k);
                        if (old == null) {
                            binder.bind(insert, row);
                            insert.addBatch();
                            written++;
                        } else if (!Objects.equals(old, normalised(row))) {
                            binder.bind(update, row);
                            update.addBatch();
                            written++;
                        }
                    }
                    insert.executeBatch();
                    update.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return written;
        } catch (SQLException e) {
            throw new StoreException("cannot store " + rows.size() + " " + what + ": " + e.getMessage(), e);
        }
    }

    /** The row as it reads back (null text becomes ""), so unchanged rows compare equal to stored ones. */
    @SuppressWarnings("unchecked")
    private static <T> T normalised(T row) {
        if (row instanceof KevEntry e) {
            return (T) new KevEntry(e.cve(), Sql.truncate(nz(e.vendor()), 1000), Sql.truncate(nz(e.product()), 1000),
                    Sql.truncate(nz(e.name()), 2000), e.dateAdded(), e.dueDate(), e.knownRansomware(),
                    Sql.truncate(nz(e.requiredAction()), 4000));
        }
        return row;
    }

    private int count(String table) {
        try (Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count " + table + ": " + e.getMessage(), e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
