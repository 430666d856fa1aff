package dev.shirase.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The few JDBC conversions every repository here needs, written once so they stay portable (H2 + PostgreSQL). */
final class Sql {

    private Sql() {
    }

    /**
     * Binds {@code values} as one array parameter, for {@code col = ANY(?)}: one statement text whatever the count
     * (H2 and PostgreSQL both use the index for it), where an IN list of n placeholders is re-parsed per size.
     */
    static void bindArray(PreparedStatement ps, int index, Collection<String> values) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf("varchar", values.toArray()));
    }

    /** Binds {@code values} to parameters 1..n (an IN list). */
    static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    /**
     * Values per {@code = ANY(?)} array. H2 finds the rows through the index, then checks each row against the whole
     * array, one comparison per element: a query for n values costs n × length comparisons, so shorter arrays in more
     * queries are cheaper (500 made that check most of the correlation step of a bulk load).
     */
    static final int ANY_CHUNK = 64;

    /** Splits values into lists of at most {@code size}, so IN lists stay within driver limits. */
    static <T> List<List<T>> chunks(Collection<T> values, int size) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            out.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return out;
    }

    /** Instants are written as UTC OffsetDateTime: pgjdbc accepts that for TIMESTAMP WITH TIME ZONE, not Instant. */
    static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, value.get().atOffset(ZoneOffset.UTC));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, value.atOffset(ZoneOffset.UTC));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    static void setText(PreparedStatement ps, int index, Optional<String> value, int maxLength) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, truncate(value.get(), maxLength));
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** Cuts denormalised copies to their column size; the authoritative text lives in the JSON column. */
    static String truncate(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
