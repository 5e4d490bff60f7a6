package dev.strata.store.sql;

import dev.strata.store.SegmentRepository;
import dev.strata.store.StoreConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class SqlSegmentRepository implements SegmentRepository {
    private static final String COLUMNS = "id, name, definition, kind, created_at, updated_at, created_by, description";

    private final ConnectionPool pool;

    SqlSegmentRepository(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Fails with {@link StoreConflictException} when the id or the name is taken. */
    @Override
    public SegmentRecord insert(SegmentRecord segment) {
        SegmentRecord stored = truncated(requireComplete(segment));
        pool.transaction("insert segment '" + segment.name() + "'", c -> {
            if (find(c, "id", stored.id()).isPresent()) {
                throw new StoreConflictException("segment id '" + stored.id() + "' is taken");
            }
            requireFreeName(c, stored.name(), null);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO segments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, stored.id());
                ps.setString(2, stored.name());
                ps.setString(3, stored.definition());
                ps.setString(4, stored.kind());
                Millis.set(ps, 5, stored.createdAt());
                Millis.set(ps, 6, stored.updatedAt());
                ps.setString(7, stored.createdBy());
                ps.setString(8, stored.description());
                return ps.executeUpdate();
            }
        });
        return stored;
    }

    /** Fails with {@link StoreConflictException} when the new name belongs to another segment. */
    @Override
    public Optional<SegmentRecord> update(SegmentRecord segment) {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(segment.id(), "segment id");
        Objects.requireNonNull(segment.name(), "name of segment " + segment.id());
        Objects.requireNonNull(segment.kind(), "kind of segment " + segment.id());
        Objects.requireNonNull(segment.updatedAt(), "updatedAt of segment " + segment.id());
        SegmentRecord changed = truncated(segment); // createdAt and createdBy are kept as stored
        return pool.transaction("update segment '" + segment.id() + "'", c -> {
            requireFreeName(c, changed.name(), changed.id());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE segments SET name = ?, definition = ?, kind = ?, description = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, changed.name());
                ps.setString(2, changed.definition());
                ps.setString(3, changed.kind());
                ps.setString(4, changed.description());
                Millis.set(ps, 5, changed.updatedAt());
                ps.setString(6, changed.id());
                if (ps.executeUpdate() == 0) return Optional.empty();
            }
            return find(c, "id", changed.id());
        });
    }

    @Override
    public Optional<SegmentRecord> get(String id) {
        Objects.requireNonNull(id, "id");
        return pool.read("read segment '" + id + "'", c -> find(c, "id", id));
    }

    @Override
    public Optional<SegmentRecord> byName(String name) {
        Objects.requireNonNull(name, "name");
        return pool.read("read segment named '" + name + "'", c -> find(c, "name", name));
    }

    @Override
    public List<SegmentRecord> list() {
        return pool.read("list segments", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM segments ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<SegmentRecord> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return pool.transaction("delete segment '" + id + "'", c -> {
            update(c, "DELETE FROM static_members WHERE segment_id = ?", id);
            return update(c, "DELETE FROM segments WHERE id = ?", id) > 0;
        });
    }

    /** Duplicate keys in the collection are stored once. */
    @Override
    public void saveStaticMembers(String segmentId, Collection<String> userKeys) {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(userKeys, "userKeys");
        LinkedHashSet<String> distinct = new LinkedHashSet<>(userKeys);
        if (distinct.contains(null)) {
            throw new IllegalArgumentException("static members of segment '" + segmentId + "' include a null user key");
        }
        pool.transaction("save " + distinct.size() + " static members of segment '" + segmentId + "'", c -> {
            update(c, "DELETE FROM static_members WHERE segment_id = ?", segmentId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO static_members (segment_id, user_key) VALUES (?, ?)")) {
                int pending = 0;
                for (String userKey : distinct) {
                    ps.setString(1, segmentId);
                    ps.setString(2, userKey);
                    ps.addBatch();
                    if (++pending == 10_000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) ps.executeBatch();
            }
            return null;
        });
    }

    /** In user key order. */
    @Override
    public List<String> staticMembers(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        return pool.read("read static members of segment '" + segmentId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_key FROM static_members WHERE segment_id = ? ORDER BY user_key")) {
                ps.setString(1, segmentId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    @Override
    public void removeFromStaticMembers(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        pool.transaction("remove a user from static segments",
                c -> update(c, "DELETE FROM static_members WHERE user_key = ?", userKey));
    }

    private static void requireFreeName(Connection c, String name, String exceptId) throws SQLException {
        Optional<SegmentRecord> holder = find(c, "name", name);
        if (holder.isPresent() && !holder.get().id().equals(exceptId)) {
            throw new StoreConflictException("segment name '" + name + "' is taken by segment '" + holder.get().id() + "'");
        }
    }

    private static Optional<SegmentRecord> find(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM segments WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    private static SegmentRecord requireComplete(SegmentRecord s) {
        Objects.requireNonNull(s, "segment");
        Objects.requireNonNull(s.id(), "segment id");
        Objects.requireNonNull(s.name(), "name of segment " + s.id());
        Objects.requireNonNull(s.kind(), "kind of segment " + s.id());
        Objects.requireNonNull(s.createdAt(), "createdAt of segment " + s.id());
        Objects.requireNonNull(s.updatedAt(), "updatedAt of segment " + s.id());
        return s;
    }

    private static SegmentRecord truncated(SegmentRecord s) {
        return new SegmentRecord(s.id(), s.name(), s.definition(), s.kind(), Millis.truncate(s.createdAt()),
                Millis.truncate(s.updatedAt()), s.createdBy(), s.description());
    }

    private static SegmentRecord read(ResultSet rs) throws SQLException {
        return new SegmentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Millis.get(rs, 5),
                Millis.get(rs, 6), rs.getString(7), rs.getString(8));
    }
}
