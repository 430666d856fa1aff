package dev.shirase.web.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.store.Database;
import dev.shirase.store.StoreException;
import dev.shirase.web.view.DigestArchive;
import dev.shirase.web.view.SentDigest;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Past digests and alerts read from the delivery outbox ({@code outbox} table, V30): one row per message and
 * channel, whose payload is exactly what was sent (the rendered message as JSON). The page shows its subject and
 * plain-text body; the audience is the second part of the stable key ({@code digest:admins:2026-11-16..2026-11-23}).
 */
public final class OutboxDigestArchive implements DigestArchive {

    /** Newest rows shown; older ones stay in the database. */
    public static final int LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public OutboxDigestArchive(Database db) {
        this.db = db;
    }

    @Override
    public List<SentDigest> digests(Optional<String> audience) {
        String sql = "SELECT message_key, channel, kind, state, created_at, sent_at, payload FROM outbox"
                + (audience.isPresent() ? " WHERE message_key LIKE ?" : "")
                + " ORDER BY COALESCE(sent_at, created_at) DESC, message_key, channel LIMIT " + LIMIT;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (audience.isPresent()) {
                // Keys are kind:audience:…; '_' and '%' cannot occur in an audience code (staff / admins).
                ps.setString(1, "%:" + audience.get() + ":%");
            }
            List<SentDigest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("message_key");
                    String[] parts = key.split(":", 3);
                    String who = parts.length > 1 ? parts[1] : "";
                    if (audience.isPresent() && !audience.get().equals(who)) {
                        continue;
                    }
                    JsonNode payload = readPayload(rs.getString("payload"));
                    out.add(new SentDigest(key, rs.getString("kind").toLowerCase(Locale.ROOT), who,
                            rs.getString("channel"), rs.getString("state").toLowerCase(Locale.ROOT),
                            instant(rs, "created_at").orElse(Instant.EPOCH), instant(rs, "sent_at"),
                            payload.path("subject").asText(""), payload.path("text").asText("")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the digest archive: " + e.getMessage(), e);
        }
    }

    private static JsonNode readPayload(String payload) {
        try {
            return JSON.readTree(payload == null ? "{}" : payload);
        } catch (IOException e) {
            // A row we cannot read still appears, with an empty body, rather than hiding the digest.
            return JSON.createObjectNode();
        }
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof OffsetDateTime odt) {
            return Optional.of(odt.toInstant());
        }
        if (value instanceof Timestamp ts) {
            return Optional.of(ts.toInstant());
        }
        return Optional.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }
}
