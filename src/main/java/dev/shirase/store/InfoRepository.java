package dev.shirase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Small named facts the service keeps about itself, such as the fingerprint of the inventory last matched. */
public final class InfoRepository {
    private final Database db;

    public InfoRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT v FROM shirase_info WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    public void put(String key, String value) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM shirase_info WHERE k = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO shirase_info (k, v) VALUES (?, ?)")) {
                del.setString(1, key);
                del.executeUpdate();
                ins.setString(1, key);
                ins.setString(2, value);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write " + key + ": " + e.getMessage(), e);
        }
    }
}
