package dev.strata.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Instants are stored as epoch milliseconds: what the store returns is truncated to the millisecond. */
final class Millis {
    private Millis() {
    }

    static Instant truncate(Instant at) {
        return at == null ? null : Instant.ofEpochMilli(at.toEpochMilli());
    }

    static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, at.toEpochMilli());
    }

    static Instant get(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
