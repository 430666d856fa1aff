package dev.shirase.inventory.store;

import dev.shirase.inventory.Match;
import dev.shirase.inventory.Verdict;
import dev.shirase.store.Database;
import dev.shirase.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stored verdicts ({@code match}), their change history ({@code match_change}) and triage ({@code triage},
 * {@code triage_history}).
 *
 * <p>A triage decision is tied to the asset version it was made for: when a match is stored for another version,
 * the decision no longer applies — triage reverts to {@code open} for the new version (recorded in the history, the
 * old decision kept) and the match is judged again.
 */
public final class MatchRepository {

    /** Who reverts triage when an asset's version changes. */
    public static final String SYSTEM = "shirase";

    private final Database db;

    public MatchRepository(Database db) {
        this.db = db;
    }

    private record Row(Verdict verdict, Optional<String> version) {
    }

    /** Replaces the verdicts of one advisory (at ingest of a new or revised advisory); returns the changes. */
    public List<VerdictChange> replaceFor(String advisoryId, List<Match> matches) {
        return replaceFor(advisoryId, matches, now());
    }

    public List<VerdictChange> replaceFor(String advisoryId, List<Match> matches, OffsetDateTime now) {
        for (Match m : matches) {
            if (!m.advisoryId().equals(advisoryId)) {
                throw new IllegalArgumentException("match for " + m.advisoryId() + " given to replaceFor(" + advisoryId + ")");
            }
        }
        return inTransaction(c -> {
            Map<String, Row> existing = load(c, "SELECT advisory_id, asset_id, verdict, asset_version FROM match WHERE advisory_id = ?",
                    advisoryId);
            return apply(c, existing, matches, now, Optional.of(advisoryId));
        });
    }

    /** Replaces every stored verdict (a full re-match after the inventory changed); returns the changes. */
    public List<VerdictChange> replaceAll(Iterable<Match> all, OffsetDateTime now) {
        List<Match> list = new ArrayList<>();
        all.forEach(list::add);
        return inTransaction(c -> apply(c, load(c, "SELECT advisory_id, asset_id, verdict, asset_version FROM match", null),
                list, now, Optional.empty()));
    }

    /** Stored matches, optionally only of one verdict and/or one asset, newest advisory ids first. */
    public List<StoredMatch> find(Optional<Verdict> verdict, Optional<String> assetId) {
        return find(verdict, assetId, Optional.empty());
    }

    /** The stored matches of one advisory (one per asset it names). */
    public List<StoredMatch> forAdvisory(String advisoryId) {
        return find(Optional.empty(), Optional.empty(), Optional.of(advisoryId));
    }

    private List<StoredMatch> find(Optional<Verdict> verdict, Optional<String> assetId, Optional<String> advisoryId) {
        StringBuilder sql = new StringBuilder("SELECT m.advisory_id, m.asset_id, m.verdict, m.reason, m.evidence, "
                + "m.asset_version, m.matched_at, t.state, t.note, t.decided_by, t.decided_at, t.asset_version AS t_version "
                + "FROM match m LEFT JOIN triage t ON t.advisory_id = m.advisory_id AND t.asset_id = m.asset_id WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        verdict.ifPresent(v -> {
            sql.append(" AND m.verdict = ?");
            args.add(v.name());
        });
        assetId.ifPresent(a -> {
            sql.append(" AND m.asset_id = ?");
            args.add(a);
        });
        advisoryId.ifPresent(a -> {
            sql.append(" AND m.advisory_id = ?");
            args.add(a);
        });
        sql.append(" ORDER BY m.advisory_id DESC, m.asset_id");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<StoredMatch> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(storedMatch(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read matches: " + e.getMessage(), e);
        }
    }

    /** The stored match of one advisory × asset. */
    public Optional<StoredMatch> get(String advisoryId, String assetId) {
        return forAdvisory(advisoryId).stream().filter(m -> m.assetId().equals(assetId)).findFirst();
    }

    /** The verdicts stored for each of these advisories (advisories without a match are absent). */
    public Map<String, java.util.Set<Verdict>> verdictsByAdvisory(java.util.Collection<String> advisoryIds) {
        Map<String, java.util.Set<Verdict>> out = new java.util.HashMap<>();
        if (advisoryIds.isEmpty()) {
            return out;
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT advisory_id, verdict FROM match WHERE advisory_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", advisoryIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> java.util.EnumSet.noneOf(Verdict.class))
                            .add(Verdict.valueOf(rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read verdicts: " + e.getMessage(), e);
        }
    }

    /** How many advisories name each asset (any verdict). */
    public Map<String, Integer> advisoryCountByAsset() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT asset_id, COUNT(*) FROM match GROUP BY asset_id");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Integer> out = new TreeMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count matches: " + e.getMessage(), e);
        }
    }

    /** Records a triage decision for the asset version of the stored match; the history keeps every decision. */
    public TriageRecord triage(String advisoryId, String assetId, TriageState state, String note, String by,
                               OffsetDateTime now) {
        Objects.requireNonNull(state, "state");
        return inTransaction(c -> {
            Optional<String> version;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT asset_version FROM match WHERE advisory_id = ? AND asset_id = ?")) {
                ps.setString(1, advisoryId);
                ps.setString(2, assetId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new UnknownMatchException(advisoryId, assetId);
                    }
                    version = Optional.ofNullable(rs.getString(1));
                }
            }
            TriageRecord r = new TriageRecord(advisoryId, assetId, state, note == null ? "" : note,
                    by == null || by.isBlank() ? "unknown" : by, now, version);
            writeTriage(c, r);
            return r;
        });
    }

    /** Every triage decision for one advisory × asset, oldest first (including automatic reverts to open). */
    public List<TriageRecord> triageHistory(String advisoryId, String assetId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT advisory_id, asset_id, state, note, decided_by, decided_at, asset_version FROM triage_history "
                        + "WHERE advisory_id = ? AND asset_id = ? ORDER BY id")) {
            ps.setString(1, advisoryId);
            ps.setString(2, assetId);
            List<TriageRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TriageRecord(rs.getString(1), rs.getString(2), TriageState.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                            Optional.ofNullable(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read triage history: " + e.getMessage(), e);
        }
    }

    /** Recorded verdict changes, oldest first, optionally for one advisory and/or one asset. */
    public List<VerdictChange> verdictChanges(Optional<String> advisoryId, Optional<String> assetId) {
        StringBuilder sql = new StringBuilder("SELECT advisory_id, asset_id, old_verdict, new_verdict, old_asset_version, "
                + "new_asset_version, reason, changed_at FROM match_change WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        advisoryId.ifPresent(a -> {
            sql.append(" AND advisory_id = ?");
            args.add(a);
        });
        assetId.ifPresent(a -> {
            sql.append(" AND asset_id = ?");
            args.add(a);
        });
        sql.append(" ORDER BY id");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<VerdictChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VerdictChange(rs.getString(1), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)).map(Verdict::valueOf),
                            Optional.ofNullable(rs.getString(4)).map(Verdict::valueOf),
                            Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                            rs.getString(7), rs.getObject(8, OffsetDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read verdict changes: " + e.getMessage(), e);
        }
    }

    // --- internals ---

    private List<VerdictChange> apply(Connection c, Map<String, Row> existing, List<Match> incoming, OffsetDateTime now,
                                      Optional<String> onlyAdvisory) throws SQLException {
        Map<String, Match> next = new LinkedHashMap<>();
        for (Match m : incoming) {
            next.put(key(m.advisoryId(), m.assetId()), m);
        }
        List<VerdictChange> changes = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO match (advisory_id, asset_id, verdict, reason, "
                + "evidence, asset_version, matched_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upd = c.prepareStatement("UPDATE match SET verdict = ?, reason = ?, evidence = ?, "
                     + "asset_version = ?, matched_at = ? WHERE advisory_id = ? AND asset_id = ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM match WHERE advisory_id = ? AND asset_id = ?")) {
            for (Match m : next.values()) {
                Row old = existing.get(key(m.advisoryId(), m.assetId()));
                if (old == null) {
                    ins.setString(1, m.advisoryId());
                    ins.setString(2, m.assetId());
                    ins.setString(3, m.verdict().name());
                    ins.setString(4, clip(m.reason(), 4000));
                    ins.setString(5, clip(m.evidence(), 1000));
                    setNullable(ins, 6, m.assetVersion());
                    ins.setObject(7, now);
                    ins.addBatch();
                    changes.add(new VerdictChange(m.advisoryId(), m.assetId(), Optional.empty(), Optional.of(m.verdict()),
                            Optional.empty(), m.assetVersion(), m.reason(), now));
                } else {
                    upd.setString(1, m.verdict().name());
                    upd.setString(2, clip(m.reason(), 4000));
                    upd.setString(3, clip(m.evidence(), 1000));
                    setNullable(upd, 4, m.assetVersion());
                    upd.setObject(5, now);
                    upd.setString(6, m.advisoryId());
                    upd.setString(7, m.assetId());
                    upd.addBatch();
                    if (old.verdict() != m.verdict()) {
                        changes.add(new VerdictChange(m.advisoryId(), m.assetId(), Optional.of(old.verdict()),
                                Optional.of(m.verdict()), old.version(), m.assetVersion(), m.reason(), now));
                    }
                }
            }
            for (Map.Entry<String, Row> e : existing.entrySet()) {
                if (!next.containsKey(e.getKey())) {
                    String[] k = e.getKey().split("\u0000", 2);
                    del.setString(1, k[0]);
                    del.setString(2, k[1]);
                    del.addBatch();
                    changes.add(new VerdictChange(k[0], k[1], Optional.of(e.getValue().verdict()), Optional.empty(),
                            e.getValue().version(), Optional.empty(), "the advisory no longer names this asset", now));
                }
            }
            ins.executeBatch();
            upd.executeBatch();
            del.executeBatch();
        }
        recordChanges(c, changes);
        reopenTriageForNewVersions(c, next, now, onlyAdvisory);
        return changes;
    }

    private void reopenTriageForNewVersions(Connection c, Map<String, Match> next, OffsetDateTime now,
                                            Optional<String> onlyAdvisory) throws SQLException {
        Map<String, TriageRecord> triaged = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT advisory_id, asset_id, state, asset_version FROM triage"
                + (onlyAdvisory.isPresent() ? " WHERE advisory_id = ?" : ""))) {
            if (onlyAdvisory.isPresent()) {
                ps.setString(1, onlyAdvisory.get());
            }
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                String k = key(rs.getString(1), rs.getString(2));
                if (next.containsKey(k)) {
                    triaged.put(k, new TriageRecord(rs.getString(1), rs.getString(2), TriageState.parse(rs.getString(3)),
                            "", "", now, Optional.ofNullable(rs.getString(4))));
                }
            }
        }
        for (Map.Entry<String, TriageRecord> e : triaged.entrySet()) {
            Match m = next.get(e.getKey());
            TriageRecord t = e.getValue();
            if (!t.assetVersion().equals(m.assetVersion())) {
                String note = "asset version changed " + t.assetVersion().orElse("(none)") + " → "
                        + m.assetVersion().orElse("(none)") + ": judged again (" + m.verdict().japanese()
                        + "), earlier decision " + t.state().label() + " kept in history";
                writeTriage(c, new TriageRecord(t.advisoryId(), t.assetId(), TriageState.OPEN, note, SYSTEM, now,
                        m.assetVersion()));
            }
        }
    }

    private static void writeTriage(Connection c, TriageRecord r) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE triage SET state = ?, note = ?, decided_by = ?, "
                + "decided_at = ?, asset_version = ? WHERE advisory_id = ? AND asset_id = ?")) {
            ps.setString(1, r.state().label());
            ps.setString(2, clip(r.note(), 4000));
            ps.setString(3, clip(r.by(), 200));
            ps.setObject(4, r.at());
            setNullable(ps, 5, r.assetVersion());
            ps.setString(6, r.advisoryId());
            ps.setString(7, r.assetId());
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            insertTriage(c, "triage", r);
        }
        insertTriage(c, "triage_history", r);
    }

    private static void insertTriage(Connection c, String table, TriageRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (advisory_id, asset_id, state, note, "
                + "decided_by, decided_at, asset_version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.advisoryId());
            ps.setString(2, r.assetId());
            ps.setString(3, r.state().label());
            ps.setString(4, clip(r.note(), 4000));
            ps.setString(5, clip(r.by(), 200));
            ps.setObject(6, r.at());
            setNullable(ps, 7, r.assetVersion());
            ps.executeUpdate();
        }
    }

    private static void recordChanges(Connection c, List<VerdictChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO match_change (advisory_id, asset_id, old_verdict, "
                + "new_verdict, old_asset_version, new_asset_version, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (VerdictChange ch : changes) {
                ps.setString(1, ch.advisoryId());
                ps.setString(2, ch.assetId());
                setNullable(ps, 3, ch.oldVerdict().map(Verdict::name));
                setNullable(ps, 4, ch.newVerdict().map(Verdict::name));
                setNullable(ps, 5, ch.oldAssetVersion());
                setNullable(ps, 6, ch.newAssetVersion());
                ps.setString(7, clip(ch.reason(), 4000));
                ps.setObject(8, ch.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Row> load(Connection c, String sql, String advisoryId) throws SQLException {
        Map<String, Row> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (advisoryId != null) {
                ps.setString(1, advisoryId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(key(rs.getString(1), rs.getString(2)),
                            new Row(Verdict.valueOf(rs.getString(3)), Optional.ofNullable(rs.getString(4))));
                }
            }
        }
        return out;
    }

    private static StoredMatch storedMatch(ResultSet rs) throws SQLException {
        Optional<String> version = Optional.ofNullable(rs.getString("asset_version"));
        Optional<TriageRecord> t = Optional.empty();
        TriageState state = TriageState.OPEN;
        if (rs.getString("state") != null) {
            TriageRecord r = new TriageRecord(rs.getString("advisory_id"), rs.getString("asset_id"),
                    TriageState.parse(rs.getString("state")), rs.getString("note"), rs.getString("decided_by"),
                    rs.getObject("decided_at", OffsetDateTime.class), Optional.ofNullable(rs.getString("t_version")));
            t = Optional.of(r);
            // a decision made for another version of the asset does not apply to this one
            state = r.assetVersion().equals(version) ? r.state() : TriageState.OPEN;
        }
        return new StoredMatch(rs.getString("advisory_id"), rs.getString("asset_id"),
                Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"), rs.getString("evidence"), version,
                rs.getObject("matched_at", OffsetDateTime.class), state, t);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("match store failed: " + e.getMessage(), e);
        }
    }

    private static String key(String advisoryId, String assetId) {
        return advisoryId + "\u0000" + assetId;
    }

    private static void setNullable(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
