package dev.strata.store.sql;

import dev.strata.store.ChangeLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class SqlChangeLog implements ChangeLog {
    private static final String COLUMNS = "seq, segment_id, user_key, entered, at_ms";
    private static final long DAY_MILLIS = 86_400_000L;

    private final ConnectionPool pool;

    SqlChangeLog(ConnectionPool pool) {
        this.pool = pool;
    }

    /** All the changes in one transaction. */
    @Override
    public void append(List<Change> changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) return;
        for (int i = 0; i < changes.size(); i++) {
            Change ch = changes.get(i);
            if (ch == null || ch.segmentId() == null || ch.userKey() == null) {
                throw new IllegalArgumentException("change " + i + " lacks a segment id or user key: " + ch);
            }
        }
        pool.transaction("append " + changes.size() + " segment changes", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO changes (segment_id, user_key, entered, at_ms) VALUES (?, ?, ?, ?)")) {
                for (Change ch : changes) {
                    ps.setString(1, ch.segmentId());
                    ps.setString(2, ch.userKey());
                    ps.setBoolean(3, ch.entered());
                    ps.setLong(4, ch.at());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Change> forSegment(String segmentId, long sinceMillis, int limit) {
        Objects.requireNonNull(segmentId, "segmentId");
        return select("read changes of segment '" + segmentId + "'",
                "SELECT " + COLUMNS + " FROM changes WHERE segment_id = ? AND at_ms >= ? ORDER BY at_ms, seq LIMIT ?",
                limit, segmentId, sinceMillis);
    }

    @Override
    public List<Change> forUser(String userKey, int limit) {
        Objects.requireNonNull(userKey, "userKey");
        return select("read a user's segment changes",
                "SELECT " + COLUMNS + " FROM changes WHERE user_key = ? ORDER BY at_ms DESC, seq DESC LIMIT ?",
                limit, userKey);
    }

    @Override
    public void deleteUser(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        pool.transaction("delete a user's segment changes", c -> delete(c, "user_key", userKey));
    }

    @Override
    public void deleteSegment(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        pool.transaction("delete changes of segment '" + segmentId + "'", c -> delete(c, "segment_id", segmentId));
    }

    /** Each element is {epochDay, entries, exits}, by day; days without changes are absent. */
    @Override
    public List<long[]> dailyCounts(String segmentId, long sinceMillis) {
        Objects.requireNonNull(segmentId, "segmentId");
        return pool.read("count daily changes of segment '" + segmentId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at_ms / " + DAY_MILLIS + " AS day,"
                    + " SUM(CASE WHEN entered THEN 1 ELSE 0 END), SUM(CASE WHEN entered THEN 0 ELSE 1 END)"
                    + " FROM changes WHERE segment_id = ? AND at_ms >= ? GROUP BY at_ms / " + DAY_MILLIS
                    + " ORDER BY day")) {
                ps.setString(1, segmentId);
                ps.setLong(2, sinceMillis);
                List<long[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
                return out;
            }
        });
    }

    @Override
    public java.util.OptionalLong lastChange(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        return pool.read("read the last change of segment '" + segmentId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(at_ms) FROM changes WHERE segment_id = ?")) {
                ps.setString(1, segmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return java.util.OptionalLong.empty();
                    long at = rs.getLong(1);
                    return rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(at);
                }
            }
        });
    }

    /** Ids per query: far below the bound parameters SQLite and PostgreSQL take (32,766 and 32,767). */
    static final int IDS_PER_QUERY = 500;

    @Override
    public Map<String, Long> lastChanges(Collection<String> segmentIds) {
        Objects.requireNonNull(segmentIds, "segmentIds");
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(segmentIds));
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            out.putAll(pool.read("read the last changes of " + chunk.size() + " segments", c -> {
                try (PreparedStatement ps = c.prepareStatement(lastChangesSql(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, Objects.requireNonNull(chunk.get(i), "segment id"));
                    Map<String, Long> found = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long at = rs.getLong(2);
                            if (!rs.wasNull()) found.put(rs.getString(1), at);
                        }
                    }
                    return found;
                }
            }));
        }
        return out;
    }

    /**
     * One index seek per id (the newest entry of {@code changes_segment}), rather than a GROUP BY
     * that would read every change of every segment.
     */
    static String lastChangesSql(int ids) {
        StringBuilder sql = new StringBuilder("WITH ids(id) AS (VALUES ");
        for (int i = 0; i < ids; i++) sql.append(i == 0 ? "(?)" : ", (?)");
        return sql.append(") SELECT ids.id, (SELECT MAX(at_ms) FROM changes WHERE segment_id = ids.id) FROM ids").toString();
    }

    /** Runs a query whose last parameter is the limit. */
    private List<Change> select(String what, String sql, int limit, Object... args) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, was " + limit);
        return pool.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.setInt(args.length + 1, limit);
                List<Change> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)));
                    }
                }
                return out;
            }
        });
    }

    private static int delete(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM changes WHERE " + column + " = ?")) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }
}
