package dev.shirase.store;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import dev.shirase.advisory.KevEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The advisory archive: upserts with content hashing and revision history, reads with KEV/EPSS enrichment
 * attached by CVE, and correlation of one threat across sources through shared identifiers.
 *
 * <p>Every advisory read from here carries its stored revision and enrichment; its {@code source} is the
 * source that delivered it first (a later delivery of the same id by another source updates the content only).
 */
public final class AdvisoryRepository {

    /** Rows per page when streaming the archive. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    /** {@link #relatedIds} returns at most this many ids. */
    public static final int MAX_RELATED = 50;
    /** Identifiers carried by more advisories than this (a monthly alert naming 100 CVEs) do not link a threat. */
    public static final int MAX_SHARED = 30;

    /** Advisories written per round of SELECT + batches inside one upsertAll transaction. */
    private static final int WRITE_CHUNK = 1_000;
    private static final String COLUMNS = "id, source, revision, body_json";
    /** The next store change number (portable: H2 in PostgreSQL mode and PostgreSQL both know nextval). */
    private static final String NEXT_CHANGE = "nextval('advisory_change_seq')";

    private final Database db;
    private final int pageSize;

    public AdvisoryRepository(Database db) {
        this(db, DEFAULT_PAGE_SIZE);
    }

    /** With an explicit page size for {@link #forEach} (tests use a small one). */
    public AdvisoryRepository(Database db, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.db = db;
        this.pageSize = pageSize;
    }

    // ---------------------------------------------------------------- writing

    /** Stores one advisory; see {@link #upsertAll}. */
    public UpsertOutcome upsert(Advisory advisory, Instant now) {
        return upsertAll(List.of(advisory), now).get(0);
    }

    /**
     * Stores advisories in one transaction, one outcome per input in input order. An advisory whose content hash
     * (parsed content, not source/revision/enrichment) equals the stored one is UNCHANGED and nothing is written;
     * a changed one becomes UPDATED with revision + 1 and a history row. The same id twice in one call is applied
     * in order.
     */
    public List<UpsertOutcome> upsertAll(List<Advisory> advisories, Instant now) {
        return upsert(advisories, now, false).outcomes();
    }

    /**
     * Like {@link #upsertAll}, and also returns the stored form (source, revision, KEV/EPSS enrichment) of the
     * advisories that changed, equal to what {@link #findAll} would read: no second read of what was stored.
     */
    public UpsertBatch upsertAllStored(List<Advisory> advisories, Instant now) {
        return upsert(advisories, now, true);
    }

    private UpsertBatch upsert(List<Advisory> advisories, Instant now, boolean returnStored) {
        if (advisories.isEmpty()) {
            return new UpsertBatch(List.of(), List.of());
        }
        // Serialise and hash before taking a connection: this is the CPU-heavy part.
        List<Encoded> encoded = new ArrayList<>(advisories.size());
        for (Advisory a : advisories) {
            encoded.add(Encoded.of(a));
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<UpsertOutcome> outcomes = new ArrayList<>(encoded.size());
                Map<String, Pending> written = new HashMap<>();
                for (int from = 0; from < encoded.size(); from += WRITE_CHUNK) {
                    outcomes.addAll(upsertChunk(c, encoded.subList(from, Math.min(encoded.size(), from + WRITE_CHUNK)),
                            now, written));
                }
                c.commit();
                List<Advisory> stored = returnStored ? storedForms(c, outcomes, written) : List.of();
                return new UpsertBatch(outcomes, stored);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store " + advisories.size() + " advisories (first "
                    + advisories.get(0).id() + "): " + e.getMessage(), e);
        }
    }

    /** What {@link #findAll} would read for these just-written rows, enrichment included. */
    private static List<Advisory> storedForms(Connection c, List<UpsertOutcome> outcomes,
                                              Map<String, Pending> written) throws SQLException {
        Set<String> changed = new LinkedHashSet<>();
        for (UpsertOutcome o : outcomes) {
            if (o.changed()) {
                changed.add(o.id());
            }
        }
        List<Advisory> out = new ArrayList<>(changed.size());
        for (String id : changed) {
            Pending p = written.get(id);
            // body_json round-trips exactly (see AdvisoryJson), so the written advisory with the stored source and
            // revision, unenriched, is what decoding it would give, without the decoding.
            Advisory a = p.latest.advisory();
            out.add(new Advisory(a.id(), p.source, a.url(), a.title(), a.summary(), a.published(), a.modified(),
                    a.category(), a.identifiers(), a.cvss(), a.products(), a.references(), Optional.empty(),
                    Optional.empty(), p.revision));
        }
        return enrich(c, out);
    }

    /** An advisory with its stored JSON, content hash and link identifiers, all worked out before writing. */
    private record Encoded(Advisory advisory, String json, String hash, Collection<Identifier> links) {
        static Encoded of(Advisory a) {
            AdvisoryJson.Encoded e = AdvisoryJson.encode(a);
            return new Encoded(a, e.json(), e.hash(), linkIdentifiers(a));
        }
    }

    /** The stored state of one id while a chunk is applied. */
    private static final class Pending {
        final boolean stored;
        final String source;
        /** The identifier values of the stored row ({@code link_values}); empty for a new advisory. */
        final List<String> storedLinkValues;
        String hash;
        int revision;
        Instant lastChanged;
        Encoded latest;

        Pending(boolean stored, String source, List<String> storedLinkValues, String hash, int revision,
                Instant lastChanged) {
            this.stored = stored;
            this.source = source;
            this.storedLinkValues = storedLinkValues;
            this.hash = hash;
            this.revision = revision;
            this.lastChanged = lastChanged;
        }
    }

    private List<UpsertOutcome> upsertChunk(Connection c, List<Encoded> chunk, Instant now,
                                            Map<String, Pending> written) throws SQLException {
        Map<String, Pending> state = storedState(c, chunk);
        List<UpsertOutcome> outcomes = new ArrayList<>(chunk.size());
        // Superseded revisions go to the history table; the current one is the advisory row itself.
        List<AdvisoryRevision> superseded = new ArrayList<>();
        for (Encoded e : chunk) {
            String id = e.advisory().id();
            Pending p = state.get(id);
            if (p == null) {
                p = new Pending(false, e.advisory().source(), List.of(), e.hash(), 1, now);
                p.latest = e;
                state.put(id, p);
                outcomes.add(new UpsertOutcome(id, UpsertOutcome.Kind.NEW, 1));
            } else if (p.hash.equals(e.hash())) {
                outcomes.add(new UpsertOutcome(id, UpsertOutcome.Kind.UNCHANGED, p.revision));
            } else {
                superseded.add(new AdvisoryRevision(id, p.revision, p.lastChanged, p.hash));
                p.hash = e.hash();
                p.revision++;
                p.lastChanged = now;
                p.latest = e;
                outcomes.add(new UpsertOutcome(id, UpsertOutcome.Kind.UPDATED, p.revision));
            }
        }
        List<Pending> dirty = state.values().stream().filter(p -> p.latest != null).toList();
        if (dirty.isEmpty()) {
            return outcomes;
        }
        writeAdvisories(c, dirty, now);
        writeChildren(c, dirty);
        writeHistory(c, superseded);
        for (Pending p : dirty) {
            // A later chunk's state for the same id replaces this one.
            written.put(p.latest.advisory().id(), p);
        }
        return outcomes;
    }

    private static Map<String, Pending> storedState(Connection c, List<Encoded> chunk) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (Encoded e : chunk) {
            ids.add(e.advisory().id());
        }
        Map<String, Pending> state = new HashMap<>();
        for (List<String> part : Sql.chunks(ids, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source, link_values, content_hash, revision,"
                    + " last_changed FROM advisory WHERE id = ANY(?)")) {
                Sql.bindArray(ps, 1, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        state.put(rs.getString("id"), new Pending(true, rs.getString("source"),
                                LinkValues.split(rs.getString("link_values")), rs.getString("content_hash"),
                                rs.getInt("revision"),
                                Sql.instant(rs, "last_changed").orElseThrow()));
                    }
                }
            }
        }
        return state;
    }

    private static void writeAdvisories(Connection c, List<Pending> dirty, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO advisory (url, title, published, modified,"
                + " category, severity, cvss_score, content_hash, revision, last_changed, body_json, link_values, source,"
                + " first_seen, id, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?," + NEXT_CHANGE + ")");
             PreparedStatement update = c.prepareStatement("UPDATE advisory SET url=?, title=?, published=?,"
                     + " modified=?, category=?, severity=?, cvss_score=?, content_hash=?, revision=?, last_changed=?,"
                     + " body_json=?, link_values=?, change_seq=" + NEXT_CHANGE + " WHERE id=?")) {
            boolean inserts = false;
            boolean updates = false;
            for (Pending p : dirty) {
                Advisory a = p.latest.advisory();
                PreparedStatement ps = p.stored ? update : insert;
                ps.setString(1, Sql.truncate(a.url(), 4000));
                ps.setString(2, Sql.truncate(a.title(), 4000));
                ps.setObject(3, a.published());
                ps.setObject(4, a.modified());
                ps.setString(5, a.category().name());
                ps.setString(6, a.severity().name());
                Optional<Cvss> top = a.topCvss();
                if (top.isPresent()) {
                    ps.setDouble(7, top.get().score());
                } else {
                    ps.setNull(7, Types.DOUBLE);
                }
                ps.setString(8, p.hash);
                ps.setInt(9, p.revision);
                Sql.setInstant(ps, 10, now);
                ps.setString(11, p.latest.json());
                ps.setString(12, LinkValues.join(p.latest.links()));
                if (p.stored) {
                    ps.setString(13, a.id());
                    updates = true;
                } else {
                    ps.setString(13, p.source);
                    Sql.setInstant(ps, 14, now);
                    ps.setString(15, a.id());
                    inserts = true;
                }
                ps.addBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
    }

    /**
     * Replaces the identifier rows of every written advisory. The rows are keyed by value, so an updated advisory's
     * old rows are found through the values its row recorded ({@code link_values}).
     */
    private static void writeChildren(Connection c, List<Pending> dirty) throws SQLException {
        List<Pending> replaced = dirty.stream().filter(p -> p.stored && !p.storedLinkValues.isEmpty()).toList();
        if (!replaced.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM advisory_identifier WHERE id_value = ANY(?) AND advisory_id = ?")) {
                for (Pending p : replaced) {
                    Sql.bindArray(delete, 1, p.storedLinkValues);
                    delete.setString(2, p.latest.advisory().id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement ids = c.prepareStatement(
                "INSERT INTO advisory_identifier (advisory_id, id_type, id_value) VALUES (?,?,?)")) {
            boolean anyIds = false;
            for (Pending p : dirty) {
                Advisory a = p.latest.advisory();
                for (Identifier i : p.latest.links()) {
                    ids.setString(1, a.id());
                    ids.setString(2, i.type().name());
                    ids.setString(3, i.value());
                    ids.addBatch();
                    anyIds = true;
                }
            }
            if (anyIds) {
                ids.executeBatch();
            }
        }
    }

    /**
     * The identifiers stored for correlation: those the advisory carries, plus its own id when that is itself an
     * identifier (a JPCERT alert naming {@code JVNVU#12345678} then links to the JVN advisory of that id).
     */
    static Collection<Identifier> linkIdentifiers(Advisory a) {
        Map<String, Identifier> byValue = new TreeMap<>();
        // Most advisories carry their own id among their identifiers (every JVN iPedia item): no need to parse it.
        boolean carriesOwnId = a.identifiers().stream().anyMatch(i -> i.value().equals(a.id()));
        if (!carriesOwnId) {
            IdentifierExtractor.parse(a.id()).filter(i -> i.value().equalsIgnoreCase(a.id()))
                    .ifPresent(i -> byValue.put(i.value(), i));
        }
        for (Identifier i : new TreeSet<>(a.identifiers())) {
            byValue.putIfAbsent(i.value(), i);
        }
        return byValue.values();
    }

    private static void writeHistory(Connection c, List<AdvisoryRevision> history) throws SQLException {
        if (history.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO advisory_revision (advisory_id, revision, changed_at, content_hash) VALUES (?,?,?,?)")) {
            for (AdvisoryRevision r : history) {
                ps.setString(1, r.advisoryId());
                ps.setInt(2, r.revision());
                Sql.setInstant(ps, 3, r.changedAt());
                ps.setString(4, r.contentHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Gives these advisories a new change number without changing their content (their enrichment changed, so
     * their index documents did): a crash before the index is committed then re-indexes them too.
     */
    public void markChanged(Collection<String> ids) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE advisory SET change_seq = " + NEXT_CHANGE
                     + " WHERE id = ANY(?)")) {
            for (List<String> part : Sql.chunks(new TreeSet<>(ids), Sql.ANY_CHUNK)) {
                Sql.bindArray(ps, 1, part);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot mark advisories changed " + abbreviate(ids) + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * The store watermark: the change number of the latest advisory write (0 when nothing was written since change
     * numbers exist). Every advisory written at or before it has a change number at most this.
     */
    public long lastChange() {
        try (Connection c = db.connection();
             // A bare MAX over the indexed column: H2 and PostgreSQL answer it from the index end.
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(change_seq) FROM advisory")) {
            rs.next();
            return rs.getLong(1); // 0 for NULL: an empty archive
        } catch (SQLException e) {
            throw new StoreException("cannot read the store watermark: " + e.getMessage(), e);
        }
    }

    /**
     * Streams the advisories written after the watermark {@code after} (see {@link #lastChange}), in change order, one
     * page at a time, enriched; returns how many. No connection is held while {@code page} runs.
     */
    public int forEachChangedAfter(long after, Consumer<List<Advisory>> page) {
        long from = after;
        int total = 0;
        while (true) {
            List<Advisory> found;
            long last = from;
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", change_seq FROM advisory"
                         + " WHERE change_seq > ? ORDER BY change_seq LIMIT " + pageSize)) {
                ps.setLong(1, from);
                found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(AdvisoryJson.read(rs.getString("body_json"), rs.getString("source"),
                                rs.getInt("revision")));
                        last = rs.getLong("change_seq");
                    }
                }
                found = enrich(c, found);
            } catch (SQLException e) {
                throw new StoreException("cannot read advisories changed after " + after + ": " + e.getMessage(), e);
            }
            if (found.isEmpty()) {
                return total;
            }
            page.accept(found);
            total += found.size();
            if (found.size() < pageSize) {
                return total;
            }
            from = last;
        }
    }

    /** The stored advisory with its revision and KEV/EPSS enrichment. */
    public Optional<Advisory> find(String id) {
        List<Advisory> found = findAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The stored advisories among {@code ids}, in the order given; unknown ids are skipped. */
    public List<Advisory> findAll(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        try (Connection c = db.connection()) {
            Map<String, Advisory> byId = new HashMap<>();
            for (List<String> part : Sql.chunks(wanted, Sql.ANY_CHUNK)) {
                for (Advisory a : queryAny(c, "SELECT " + COLUMNS + " FROM advisory WHERE id = ANY(?)", part)) {
                    byId.put(a.id(), a);
                }
            }
            List<Advisory> ordered = new ArrayList<>(byId.size());
            for (String id : wanted) {
                Advisory a = byId.get(id);
                if (a != null) {
                    ordered.add(a);
                }
            }
            return enrich(c, ordered);
        } catch (SQLException e) {
            throw new StoreException("cannot read advisories " + abbreviate(wanted) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Streams the whole archive in id order, one page at a time (no connection is held while {@code action}
     * runs, so it may write to the store). For reindexing and re-matching.
     */
    public void forEach(Consumer<Advisory> action) {
        String after = null;
        while (true) {
            List<Advisory> page;
            try (Connection c = db.connection()) {
                page = after == null
                        ? query(c, "SELECT " + COLUMNS + " FROM advisory ORDER BY id LIMIT " + pageSize, List.of())
                        : query(c, "SELECT " + COLUMNS + " FROM advisory WHERE id > ? ORDER BY id LIMIT " + pageSize,
                                List.of(after));
                page = enrich(c, page);
            } catch (SQLException e) {
                throw new StoreException("cannot page through advisories after " + after + ": " + e.getMessage(), e);
            }
            page.forEach(action);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Advisories that became NEW or UPDATED at or after {@code since}, oldest change first. */
    public List<Advisory> changedSince(Instant since) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM advisory WHERE last_changed >= ?"
                     + " ORDER BY last_changed, id")) {
            Sql.setInstant(ps, 1, since);
            return enrich(c, read(ps));
        } catch (SQLException e) {
            throw new StoreException("cannot read advisories changed since " + since + ": " + e.getMessage(), e);
        }
    }

    /** Advisories published in {@code [from, to)}, compared as instants, oldest first. */
    public List<Advisory> publishedBetween(OffsetDateTime from, OffsetDateTime to) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM advisory"
                     + " WHERE published >= ? AND published < ? ORDER BY published, id")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            return enrich(c, read(ps));
        } catch (SQLException e) {
            throw new StoreException("cannot read advisories published " + from + " .. " + to + ": " + e.getMessage(), e);
        }
    }

    /** Ids of advisories carrying this identifier (or being it); {@code cve-2024-1} is canonicalised first. */
    public List<String> idsWithIdentifier(String value) {
        String canonical = IdentifierExtractor.parse(value).map(Identifier::value).orElse(value.trim());
        return strings("SELECT advisory_id FROM advisory_identifier WHERE id_value = ? ORDER BY advisory_id",
                List.of(canonical), "advisories with identifier " + canonical);
    }

    /**
     * The other advisories that describe the same threat: linked transitively through shared identifiers
     * (JVNDB ↔ CVE ↔ JVNVU ↔ a JPCERT alert naming the CVE). Identifiers carried by more than {@link #MAX_SHARED}
     * advisories are ignored, advisories carrying more than that many identifiers are not followed further
     * (except the starting one), and at most {@link #MAX_RELATED} ids are returned (nearest links first, then sorted).
     * Empty for an unknown id.
     */
    public Set<String> relatedIds(String id) {
        Set<String> reached = new LinkedHashSet<>();
        reached.add(id);
        Set<String> seenValues = new HashSet<>();
        List<String> frontier = List.of(id);
        try (Connection c = db.connection()) {
            while (!frontier.isEmpty() && reached.size() - 1 < MAX_RELATED) {
                Set<String> values = identifierValuesOfNonHubs(c, frontier, id);
                values.removeAll(seenValues);
                seenValues.addAll(values);
                List<String> linking = linkingValues(c, values);
                List<String> next = new ArrayList<>();
                for (String other : new TreeSet<>(inChunks(c,
                        "SELECT advisory_id FROM advisory_identifier WHERE id_value = ANY(?)", linking))) {
                    if (reached.size() - 1 >= MAX_RELATED) {
                        break;
                    }
                    if (reached.add(other)) {
                        next.add(other);
                    }
                }
                frontier = next;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot correlate advisory " + id + ": " + e.getMessage(), e);
        }
        reached.remove(id);
        return new TreeSet<>(reached);
    }

    /**
     * {@link #relatedIds} for many advisories at once, keyed by id (every given id present). One query finds the
     * advisories that share no identifier with any other advisory (most new ones), which have no relatives; only
     * the others are followed one by one.
     */
    public Map<String, Set<String>> relatedIdsAll(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        Map<String, List<String>> ownerOf = new HashMap<>();
        try (Connection c = db.connection()) {
            linkValuesOf(c, wanted).forEach((advisory, values) -> {
                for (String value : values) {
                    ownerOf.computeIfAbsent(value, k -> new ArrayList<>()).add(advisory);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot correlate advisories " + abbreviate(wanted) + ": " + e.getMessage(), e);
        }
        return related(wanted, ownerOf);
    }

    /**
     * {@link #relatedIdsAll} for stored advisories at hand: their identifier rows are known without reading them
     * (they are {@link #linkIdentifiers}), which saves a query per batch of a bulk load.
     */
    public Map<String, Set<String>> relatedIdsOf(Collection<Advisory> stored) {
        Set<String> wanted = new LinkedHashSet<>();
        Map<String, List<String>> ownerOf = new HashMap<>();
        for (Advisory a : stored) {
            if (wanted.add(a.id())) {
                for (Identifier i : linkIdentifiers(a)) {
                    ownerOf.computeIfAbsent(i.value(), k -> new ArrayList<>()).add(a.id());
                }
            }
        }
        return related(wanted, ownerOf);
    }

    /**
     * The relatives of each wanted advisory, given which of them carries which identifier value: one query finds
     * the values another advisory shares too (a value carried by two or more rows; the key is (id_value,
     * advisory_id), so by two advisories); advisories with none of those (most new ones) have no relatives, only the
     * others are followed one by one.
     */
    private Map<String, Set<String>> related(Set<String> wanted, Map<String, List<String>> ownerOf) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        Set<String> linked = new HashSet<>();
        try (Connection c = db.connection()) {
            for (List<String> part : Sql.chunks(ownerOf.keySet(), Sql.ANY_CHUNK)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id_value FROM advisory_identifier"
                        + " WHERE id_value = ANY(?) GROUP BY id_value HAVING COUNT(*) > 1")) {
                    Sql.bindArray(ps, 1, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            linked.addAll(ownerOf.getOrDefault(rs.getString(1), List.of()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot correlate advisories " + abbreviate(wanted) + ": " + e.getMessage(), e);
        }
        for (String id : wanted) {
            out.put(id, linked.contains(id) ? relatedIds(id) : new TreeSet<>());
        }
        return out;
    }

    /**
     * Identifier values of the frontier advisories. An advisory carrying more than {@link #MAX_SHARED} identifiers
     * (a monthly alert naming 100 CVEs) is a hub: it is related when reached, but not followed further, unless it
     * is where the search started.
     */
    private static Set<String> identifierValuesOfNonHubs(Connection c, List<String> frontier, String start)
            throws SQLException {
        Set<String> values = new TreeSet<>();
        linkValuesOf(c, frontier).forEach((advisory, own) -> {
            if (own.size() <= MAX_SHARED || advisory.equals(start)) {
                values.addAll(own);
            }
        });
        return values;
    }

    /** The identifier values of each of these stored advisories (the ones it is linked by), by advisory id. */
    private static Map<String, List<String>> linkValuesOf(Connection c, Collection<String> ids) throws SQLException {
        Map<String, List<String>> byAdvisory = new HashMap<>();
        for (List<String> part : Sql.chunks(ids, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, link_values FROM advisory WHERE id = ANY(?)")) {
                Sql.bindArray(ps, 1, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byAdvisory.put(rs.getString(1), LinkValues.split(rs.getString(2)));
                    }
                }
            }
        }
        return byAdvisory;
    }

    /** The values among {@code values} carried by at most {@link #MAX_SHARED} advisories. */
    private static List<String> linkingValues(Connection c, Collection<String> values) throws SQLException {
        List<String> linking = new ArrayList<>();
        for (List<String> part : Sql.chunks(values, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id_value, COUNT(*) FROM advisory_identifier"
                    + " WHERE id_value = ANY(?) GROUP BY id_value")) {
                Sql.bindArray(ps, 1, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(2) <= MAX_SHARED) {
                            linking.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return linking;
    }

    /** Advisory count per source, by source id. */
    public Map<String, Integer> countBySource() {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT source, COUNT(*) FROM advisory GROUP BY source")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("cannot count advisories by source: " + e.getMessage(), e);
        }
    }

    /** Ids of all advisories first delivered by {@code source}. */
    public Set<String> idsFromSource(String source) {
        return new TreeSet<>(strings("SELECT id FROM advisory WHERE source = ?", List.of(source),
                "advisories of source " + source));
    }

    /** Whether any of {@code ids} is stored: a cheap overlap test for gap detection. */
    public boolean anyExists(Collection<String> ids) {
        try (Connection c = db.connection()) {
            for (List<String> part : Sql.chunks(new LinkedHashSet<>(ids), Sql.ANY_CHUNK)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM advisory WHERE id = ANY(?) LIMIT 1")) {
                    Sql.bindArray(ps, 1, part);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new StoreException("cannot look up advisory ids: " + e.getMessage(), e);
        }
    }

    public int count() {
        try (Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM advisory")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count advisories: " + e.getMessage(), e);
        }
    }

    /** The change history of one advisory, revision 1 (first seen) first, the current revision last. */
    public List<AdvisoryRevision> revisionHistory(String id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT advisory_id, revision, changed_at, content_hash"
                     + " FROM advisory_revision WHERE advisory_id = ?"
                     + " UNION ALL SELECT id, revision, last_changed, content_hash FROM advisory WHERE id = ?"
                     + " ORDER BY 2")) {
            ps.setString(1, id);
            ps.setString(2, id);
            List<AdvisoryRevision> history = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new AdvisoryRevision(rs.getString(1), rs.getInt(2),
                            Sql.instant(rs, "changed_at").orElseThrow(), rs.getString(4)));
                }
            }
            return history;
        } catch (SQLException e) {
            throw new StoreException("cannot read revision history of " + id + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<Advisory> query(Connection c, String sql, List<String> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            return read(ps);
        }
    }

    private static List<Advisory> queryAny(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bindArray(ps, 1, values);
            return read(ps);
        }
    }

    private static List<Advisory> read(PreparedStatement ps) throws SQLException {
        List<Advisory> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(AdvisoryJson.read(rs.getString("body_json"), rs.getString("source"), rs.getInt("revision")));
            }
        }
        return out;
    }

    /** Attaches KEV (any entry among the CVEs, lowest CVE first) and EPSS (highest score among the CVEs). */
    private static List<Advisory> enrich(Connection c, List<Advisory> advisories) throws SQLException {
        Set<String> cves = new TreeSet<>();
        for (Advisory a : advisories) {
            cves.addAll(a.cves());
        }
        if (cves.isEmpty()) {
            return advisories;
        }
        Map<String, KevEntry> kev = EnrichmentRepository.kevByCve(c, cves);
        Map<String, EpssScore> epss = EnrichmentRepository.epssByCve(c, cves);
        if (kev.isEmpty() && epss.isEmpty()) {
            return advisories;
        }
        List<Advisory> out = new ArrayList<>(advisories.size());
        for (Advisory a : advisories) {
            List<String> own = a.cves();
            Optional<KevEntry> k = own.stream().map(kev::get).filter(java.util.Objects::nonNull).findFirst();
            Optional<EpssScore> e = own.stream().map(epss::get).filter(java.util.Objects::nonNull)
                    .max(Comparator.comparingDouble(EpssScore::score));
            out.add(k.isEmpty() && e.isEmpty() ? a : a.withEnrichment(k, e));
        }
        return out;
    }

    /** Runs a one-column query whose only parameter is an {@code = ANY(?)} array, over chunks of {@code values}. */
    private static List<String> inChunks(Connection c, String sql, Collection<String> values) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> part : Sql.chunks(values, Sql.ANY_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bindArray(ps, 1, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private List<String> strings(String sql, List<String> params, String what) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(Collection<String> ids) {
        return ids.size() <= 3 ? ids.toString() : ids.stream().limit(3).toList() + " and " + (ids.size() - 3) + " more";
    }
}
