package dev.strata.store.sql;

import dev.strata.store.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hash-chained audit log. Appends are serialised in this process (each needs the previous
 * hash); the chain's head is kept in memory so that {@link #verify} also notices entries cut off
 * the end while this store was open. Instants are kept to the millisecond.
 */
final class SqlAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, at_ms, actor, role, action, target, remote, prev_hash, hash";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;

    private final ConnectionPool pool;
    private final ReentrantLock appendLock = new ReentrantLock();
    private long headSeq; // guarded by appendLock
    private String headHash; // guarded by appendLock

    SqlAuditLog(ConnectionPool pool) {
        this.pool = pool;
        pool.read("read the audit log's last entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                headSeq = rs.next() ? rs.getLong(1) : 0;
                headHash = headSeq == 0 ? AuditChain.GENESIS : rs.getString(2);
            }
            return null;
        });
    }

    @Override
    public Entry append(Instant at, String actor, String role, String action, String target, String remote) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        appendLock.lock();
        try {
            long seq = headSeq + 1;
            long atMillis = at.toEpochMilli();
            String hash = AuditChain.hash(seq, atMillis, actor, role, action, target, remote, headHash);
            Entry entry = new Entry(seq, Instant.ofEpochMilli(atMillis), actor, role, action, target, remote, headHash, hash);
            pool.transaction("append audit entry '" + action + "' by '" + actor + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, seq);
                    ps.setLong(2, atMillis);
                    ps.setString(3, actor);
                    ps.setString(4, role);
                    ps.setString(5, action);
                    ps.setString(6, target);
                    ps.setString(7, remote);
                    ps.setString(8, entry.prevHash());
                    ps.setString(9, hash);
                    return ps.executeUpdate();
                }
            });
            headSeq = seq;
            headHash = hash;
            return entry;
        } finally {
            appendLock.unlock();
        }
    }

    /** A limit of 0 or less means {@value #DEFAULT_LIMIT}; at most {@value #MAX_LIMIT} entries are returned. */
    @Override
    public List<Entry> query(Query query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.afterSeq() != null) {
            sql.append(" AND seq > ?");
            args.add(query.afterSeq());
        }
        if (query.since() != null) {
            sql.append(" AND at_ms >= ?");
            args.add(query.since().toEpochMilli());
        }
        addEquals(sql, args, "actor", query.actor());
        addEquals(sql, args, "action", query.action());
        addEquals(sql, args, "target", query.target());
        sql.append(" ORDER BY seq LIMIT ?");
        int limit = query.limit() <= 0 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        args.add(limit);
        return pool.read("query the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Verification verify() {
        long knownHead;
        appendLock.lock();
        try {
            knownHead = headSeq;
        } finally {
            appendLock.unlock();
        }
        return pool.stream("verify the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    return walk(rs, knownHead);
                }
            }
        });
    }

    private static Verification walk(ResultSet rs, long knownHead) throws SQLException {
        long entries = 0;
        long expectedSeq = 1;
        String prevHash = AuditChain.GENESIS;
        while (rs.next()) {
            Entry e = read(rs);
            entries++;
            if (e.seq() != expectedSeq) {
                return new Verification(entries, expectedSeq, "entry " + expectedSeq + " is missing (the next one is "
                        + e.seq() + ")");
            }
            if (!e.prevHash().equals(prevHash)) {
                return new Verification(entries, e.seq(), "entry " + e.seq()
                        + " does not follow the entry before it (its previous hash differs)");
            }
            String recomputed = AuditChain.hash(e.seq(), e.at().toEpochMilli(), e.actor(), e.role(), e.action(),
                    e.target(), e.remote(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                return new Verification(entries, e.seq(), "entry " + e.seq() + " was altered (its hash does not match its fields)");
            }
            prevHash = e.hash();
            expectedSeq++;
        }
        if (expectedSeq - 1 < knownHead) {
            return new Verification(entries, expectedSeq, "entries " + expectedSeq + " to " + knownHead
                    + " are missing from the end (this store appended up to " + knownHead + ")");
        }
        return new Verification(entries, -1, "intact");
    }

    private static void addEquals(StringBuilder sql, List<Object> args, String column, String value) {
        if (value == null) return;
        sql.append(" AND ").append(column).append(" = ?");
        args.add(value);
    }

    private static Entry read(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
