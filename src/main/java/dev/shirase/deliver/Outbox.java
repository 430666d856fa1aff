package dev.shirase.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.store.Database;
import dev.shirase.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent outbox: nothing lost, nothing twice.
 *
 * <p>Every (message key, channel) is one row holding the rendered payload. {@link #enqueue} is idempotent on
 * that pair, so a re-run for the same window never creates a second row. {@link #deliverDue} claims each due
 * row with a conditional {@code UPDATE} (a lease: {@code claimed_by}/{@code claimed_until}), so two instances
 * never send the same row at once; it marks the row {@code sent} only after the channel confirmed, and
 * otherwise schedules a retry (1 min, 2, 4 … at most 6 h, or the server's Retry-After).
 *
 * <p>Crash windows: a crash before or during the send leaves the row {@code pending}; once the lease runs out
 * it is sent again — once. The one window that can repeat a message is a crash after the remote side
 * accepted it and before the single {@code UPDATE … SET state='sent'} that follows immediately (for a
 * multi-part Slack digest, progress is recorded after every accepted part, so at most one part repeats). A lease must be longer than the slowest send
 * (channels time out after 30 s per request), otherwise a second instance could take over a live send.
 */
public final class Outbox {
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    public static final Duration MAX_BACKOFF = Duration.ofHours(6);
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    private static final int BATCH = 100;
    private static final int MAX_ERROR = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Map<String, Channel> channels;
    private final String instanceId;
    private final Duration lease;

    /** An outbox delivering through {@code channels} (by {@link Channel#name()}), with a random instance id. */
    public Outbox(Database db, Collection<? extends Channel> channels) {
        this(db, channels, "shirase-" + UUID.randomUUID(), DEFAULT_LEASE);
    }

    public Outbox(Database db, Collection<? extends Channel> channels, String instanceId, Duration lease) {
        this.db = db;
        Map<String, Channel> byName = new LinkedHashMap<>();
        for (Channel c : channels) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two channels are named '" + c.name() + "'");
            }
        }
        this.channels = Map.copyOf(byName);
        this.instanceId = instanceId;
        this.lease = lease;
    }

    /**
     * Adds the rendered message for {@code channel} unless that (key, channel) is already in the outbox
     * (whatever its state). Returns whether a row was added.
     */
    public boolean enqueue(RenderedMessage message, String channel, Instant now) {
        String payload;
        try {
            payload = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise message " + message.key(), e);
        }
        // A plain INSERT: the primary key (message_key, channel) rejects a second row, on H2 and PostgreSQL alike.
        String sql = "INSERT INTO outbox (message_key, channel, kind, state, attempts, parts_sent, next_attempt,"
                + " payload, created_at) VALUES (?, ?, ?, 'pending', 0, 0, ?, ?, ?)";
        if (contains(message.key(), channel)) {
            return false;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, message.key());
            ps.setString(2, channel);
            ps.setString(3, message.kind().name());
            ps.setObject(4, odt(now));
            ps.setString(5, payload);
            ps.setObject(6, odt(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // already there (a re-run, or another instance at the same moment)
            }
            throw new StoreException("cannot enqueue " + message.key() + " for " + channel + ": " + e.getMessage(), e);
        }
    }

    /** Whether (key, channel) is already in the outbox, so a caller may skip rendering it again. */
    public boolean contains(String key, String channel) {
        return find(key, channel).isPresent();
    }

    /** Sends every due row of a channel this outbox knows, one at a time, and reports what happened. */
    public DeliveryReport deliverDue(Instant now) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (RowId id : dueRows(now)) {
            Optional<Claim> claim = claim(id.key(), id.channel(), now);
            if (claim.isEmpty()) {
                continue; // another instance got it first
            }
            switch (send(claim.get(), now)) {
                case SENT -> sent++;
                case PENDING -> retrying++;
                case FAILED -> failed++;
            }
        }
        return new DeliveryReport(sent, retrying, failed);
    }

    private record RowId(String key, String channel) {
    }

    /** A row this instance holds the lease for. */
    record Claim(String key, String channel, int attempts, int partsSent, String payload) {
    }

    private List<RowId> dueRows(Instant now) {
        String sql = "SELECT message_key, channel FROM outbox WHERE state = 'pending' AND next_attempt <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt, created_at";
        List<RowId> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, odt(now));
            ps.setObject(2, odt(now));
            ps.setMaxRows(BATCH * 10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < BATCH) {
                    if (channels.containsKey(rs.getString(2))) {
                        out.add(new RowId(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read due outbox rows: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Takes the send lease on one due row: the conditional UPDATE succeeds for exactly one instance.
     * Package-private so tests can simulate a crash right after claiming.
     */
    Optional<Claim> claim(String key, String channel, Instant now) {
        String sql = "UPDATE outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
                + " WHERE message_key = ? AND channel = ? AND state = 'pending' AND next_attempt <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?)";
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, instanceId);
                ps.setObject(2, odt(now.plus(lease)));
                ps.setString(3, key);
                ps.setString(4, channel);
                ps.setObject(5, odt(now));
                ps.setObject(6, odt(now));
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts, parts_sent, payload FROM outbox WHERE message_key = ? AND channel = ?")) {
                ps.setString(1, key);
                ps.setString(2, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Claim(key, channel, rs.getInt(1), rs.getInt(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot claim outbox row " + key + " for " + channel + ": " + e.getMessage(), e);
        }
    }

    private OutboxState send(Claim claim, Instant now) {
        Channel channel = channels.get(claim.channel());
        DeliveryResult result;
        try {
            RenderedMessage message = JSON.readValue(claim.payload(), RenderedMessage.class);
            result = channel.send(message, claim.partsSent(), parts -> recordParts(claim, parts));
        } catch (JsonProcessingException e) {
            result = new DeliveryResult.Failed("stored payload unreadable: " + e.getOriginalMessage(), claim.partsSent());
        } catch (RuntimeException e) {
            // A channel bug must not lose the message: keep it pending and retry later.
            LOG.warn("channel {} threw while sending {}", claim.channel(), claim.key(), e);
            result = new DeliveryResult.RetryLater(Duration.ZERO, "unexpected error: " + e, claim.partsSent());
        }
        if (result instanceof DeliveryResult.Delivered) {
            markSent(claim, now);
            LOG.info("sent {} via {}", claim.key(), claim.channel());
            return OutboxState.SENT;
        } else if (result instanceof DeliveryResult.RetryLater r) {
            Duration wait = r.retryAfter().isZero() ? backoff(claim.attempts()) : min(r.retryAfter(), MAX_BACKOFF);
            release(claim, OutboxState.PENDING, now.plus(wait), r.reason(), Math.max(claim.partsSent(), r.partsSent()));
            LOG.warn("{} via {} failed (attempt {}), retry in {}: {}", claim.key(), claim.channel(),
                    claim.attempts(), wait, r.reason());
            return OutboxState.PENDING;
        } else {
            DeliveryResult.Failed f = (DeliveryResult.Failed) result;
            release(claim, OutboxState.FAILED, now, f.reason(), Math.max(claim.partsSent(), f.partsSent()));
            LOG.error("{} via {} failed permanently: {}", claim.key(), claim.channel(), f.reason());
            return OutboxState.FAILED;
        }
    }

    /** Records Slack progress mid-send, so a crash repeats at most the one message being sent. */
    private void recordParts(Claim claim, int partsSent) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET parts_sent = ? WHERE message_key = ? AND channel = ? AND claimed_by = ? AND parts_sent < ?")) {
            ps.setInt(1, partsSent);
            ps.setString(2, claim.key());
            ps.setString(3, claim.channel());
            ps.setString(4, instanceId);
            ps.setInt(5, partsSent);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("cannot record progress of {} via {}: {}", claim.key(), claim.channel(), e.getMessage());
        }
    }

    /** The delay before attempt {@code attempts + 1}: 1 min, 2, 4, … capped at 6 h. */
    public static Duration backoff(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 20));
        return min(FIRST_BACKOFF.multipliedBy(1L << exponent), MAX_BACKOFF);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void markSent(Claim claim, Instant now) {
        // Right after the channel confirmed: this single statement is the only duplicate window.
        String sql = "UPDATE outbox SET state = 'sent', sent_at = ?, claimed_by = NULL, claimed_until = NULL,"
                + " last_error = NULL WHERE message_key = ? AND channel = ? AND claimed_by = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, odt(now));
            ps.setString(2, claim.key());
            ps.setString(3, claim.channel());
            ps.setString(4, instanceId);
            if (ps.executeUpdate() != 1) {
                LOG.warn("lease on {} via {} expired during the send; it may be sent again", claim.key(), claim.channel());
                forceSent(claim, now);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot mark " + claim.key() + " sent: " + e.getMessage(), e);
        }
    }

    private void forceSent(Claim claim, Instant now) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'sent', sent_at = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL"
                        + " WHERE message_key = ? AND channel = ? AND state = 'pending'")) {
            ps.setObject(1, odt(now));
            ps.setString(2, claim.key());
            ps.setString(3, claim.channel());
            ps.executeUpdate();
        }
    }

    private void release(Claim claim, OutboxState state, Instant next, String error, int partsSent) {
        String sql = "UPDATE outbox SET state = ?, next_attempt = ?, last_error = ?, parts_sent = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE message_key = ? AND channel = ? AND claimed_by = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.db());
            ps.setObject(2, odt(next));
            ps.setString(3, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            ps.setInt(4, partsSent);
            ps.setString(5, claim.key());
            ps.setString(6, claim.channel());
            ps.setString(7, instanceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update outbox row " + claim.key() + ": " + e.getMessage(), e);
        }
    }

    /** Puts a {@code failed} row back to {@code pending} (after fixing the configuration). */
    public boolean retry(String key, String channel, Instant now) {
        String sql = "UPDATE outbox SET state = 'pending', next_attempt = ?, claimed_by = NULL, claimed_until = NULL"
                + " WHERE message_key = ? AND channel = ? AND state = 'failed'";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, odt(now));
            ps.setString(2, key);
            ps.setString(3, channel);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot retry " + key + ": " + e.getMessage(), e);
        }
    }

    /** One row, without its payload. */
    public Optional<OutboxEntry> find(String key, String channel) {
        List<OutboxEntry> rows = query(" WHERE message_key = ? AND channel = ?", key, channel);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** All rows, newest first (for {@code status} and the web page). */
    public List<OutboxEntry> entries() {
        return query(" ORDER BY created_at DESC, message_key, channel");
    }

    /** The stored rendered message of one row (what was or will be sent). */
    public Optional<RenderedMessage> payload(String key, String channel) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM outbox WHERE message_key = ? AND channel = ?")) {
            ps.setString(1, key);
            ps.setString(2, channel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), RenderedMessage.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read payload of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Row counts per state (zero included). */
    public Map<OutboxState, Integer> counts() {
        Map<OutboxState, Integer> out = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            out.put(s, 0);
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT state, COUNT(*) FROM outbox GROUP BY state"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(OutboxState.fromDb(rs.getString(1)), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count outbox rows: " + e.getMessage(), e);
        }
        return out;
    }

    private List<OutboxEntry> query(String where, String... args) {
        String sql = "SELECT message_key, channel, kind, state, attempts, parts_sent, next_attempt, last_error,"
                + " created_at, sent_at FROM outbox" + where;
        List<OutboxEntry> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                            OutboxState.fromDb(rs.getString(4)), rs.getInt(5), rs.getInt(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(8)),
                            rs.getObject(9, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read outbox: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Truncated to microseconds, the precision of the TIMESTAMP column: a nanosecond clock would otherwise be rounded
     * up on storage, and a row enqueued at {@code now} would not be due at the same {@code now}.
     */
    private static OffsetDateTime odt(Instant i) {
        return i.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
