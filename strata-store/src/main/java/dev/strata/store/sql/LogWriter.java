package dev.strata.store.sql;

import dev.strata.store.MessageLog.Appended;
import dev.strata.store.MessageLog.Outcome;
import dev.strata.store.MessageLog.Pending;
import dev.strata.store.StoreException;
import dev.strata.store.sql.MessageIdHashes.Hash128;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log's only writer. It takes every task waiting in the queue, stores all the pending
 * appends among them in one transaction, commits, and only then completes each caller's future:
 * one fsync for many callers (group commit). Deduplication and seq assignment happen here too,
 * which is safe because nothing else writes the messages table.
 *
 * <p>A failed commit fails the futures of that transaction only; the next task tries again on the
 * same connection or, when the connection broke, on a new one. A commit whose outcome is unknown
 * (the connection died during COMMIT) is settled by reading the table before anything else is
 * written, so a client that resends after an error gets neither a loss nor a duplicate.
 */
final class LogWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_TASKS_PER_ROUND = 4096;
    private static final int MAX_MESSAGES_PER_COMMIT = 20_000;
    private static final int SEED_FETCH_SIZE = 10_000;

    private final Dialect dialect;
    private final String url;
    private final BlockingQueue<WriterTask> queue;
    private final Tombstones tombstones;
    private final MessageIdHashes ids = new MessageIdHashes();
    private final CompletableFuture<Void> seededFuture = new CompletableFuture<>();

    private Connection connection;
    private PreparedStatement insert;
    private boolean seeded;
    private long assignedSeq; // highest seq handed out, committed or in doubt
    private Attempt inDoubt;
    private volatile long lastSeq;
    private volatile long count;
    private volatile long commits;

    LogWriter(Dialect dialect, String url, BlockingQueue<WriterTask> queue, Tombstones tombstones, long lastSeq) {
        this.dialect = dialect;
        this.url = url;
        this.queue = queue;
        this.tombstones = tombstones;
        this.assignedSeq = lastSeq;
        this.lastSeq = lastSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    long count() {
        return count;
    }

    long commits() {
        return commits;
    }

    /** Completes once the messageIds already stored are loaded (done by this thread before any write). */
    CompletableFuture<Void> seeded() {
        return seededFuture;
    }

    @Override
    public void run() {
        try {
            ensureReady(); // load the stored messageIds now, overlapping whatever the caller does next
        } catch (StoreException e) {
            LOG.warn("message log not ready yet, will retry with the next write: {}", e.getMessage());
        }
        WriterTask.Stop stop = null;
        while (stop == null) {
            List<WriterTask> round = new ArrayList<>();
            try {
                round.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, through a Stop task
            }
            queue.drainTo(round, MAX_TASKS_PER_ROUND);
            List<WriterTask> work = new ArrayList<>(round.size());
            for (WriterTask task : round) {
                if (task instanceof WriterTask.Stop s) stop = s;
                else work.add(task);
            }
            try {
                handle(work);
            } catch (RuntimeException | Error e) {
                LOG.error("message log writer failed unexpectedly; failing the tasks of this round", e);
                StoreException failure = new StoreException("message log writer failed: " + e, e);
                for (WriterTask task : work) task.future().completeExceptionally(failure);
            }
        }
        dropConnection();
        stop.future().complete(null);
    }

    private void handle(List<WriterTask> tasks) {
        List<WriterTask.Append> group = new ArrayList<>();
        int messages = 0;
        for (WriterTask task : tasks) {
            if (task instanceof WriterTask.Append append) {
                if (!group.isEmpty() && messages + append.messages().size() > MAX_MESSAGES_PER_COMMIT) {
                    commitGroup(group);
                    group = new ArrayList<>();
                    messages = 0;
                }
                group.add(append);
                messages += append.messages().size();
                continue;
            }
            if (!group.isEmpty()) {
                commitGroup(group);
                group = new ArrayList<>();
                messages = 0;
            }
            if (task instanceof WriterTask.Erase erase) erase(erase);
            else if (task instanceof WriterTask.OnConnection on) runOnConnection(on);
        }
        if (!group.isEmpty()) commitGroup(group);
    }

    /** One transaction for every pending append of the group. */
    private void commitGroup(List<WriterTask.Append> group) {
        try {
            ensureReady();
        } catch (StoreException e) {
            failAll(group, e);
            return;
        }
        Attempt attempt = plan(group);
        if (attempt.rows().isEmpty()) {
            attempt.complete();
            return;
        }
        try {
            dialect.begin(connection);
            insertRows(attempt.rows());
        } catch (SQLException e) {
            dialect.rollbackQuietly(connection);
            undo(attempt);
            checkConnection(e);
            if (group.size() > 1 && SqlErrors.isDataProblem(e)) {
                // one caller's message must not fail everyone's: retry each caller on its own
                for (WriterTask.Append append : group) commitGroup(List.of(append));
                return;
            }
            failAll(group, new StoreException(notStored(attempt) + SqlErrors.reason(e), e));
            return;
        }
        try {
            dialect.commit(connection);
        } catch (SQLException e) {
            settleAfterFailedCommit(attempt, e);
            return;
        }
        succeed(attempt);
    }

    private Attempt plan(List<WriterTask.Append> group) {
        long seq = assignedSeq;
        List<Hash128> added = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<List<Appended>> outcomes = new ArrayList<>(group.size());
        for (WriterTask.Append append : group) {
            List<Appended> outcome = new ArrayList<>(append.messages().size());
            for (Pending p : append.messages()) {
                if (tombstones.contains(p.userKey())) {
                    outcome.add(new Appended(Outcome.ERASED, 0));
                    continue;
                }
                Hash128 h = null;
                if (p.messageId() != null) {
                    h = MessageIdHashes.hash(p.messageId());
                    if (!ids.add(h)) {
                        outcome.add(new Appended(Outcome.DUPLICATE, 0));
                        continue;
                    }
                    added.add(h);
                }
                rows.add(new Row(++seq, p, h));
                outcome.add(new Appended(Outcome.STORED, seq));
            }
            outcomes.add(outcome);
        }
        return new Attempt(group, outcomes, added, rows, seq);
    }

    private void insertRows(List<Row> rows) throws SQLException {
        if (insert == null) insert = connection.prepareStatement(MessageTable.INSERT);
        for (Row row : rows) {
            Pending p = row.message();
            insert.setLong(1, row.seq());
            insert.setString(2, p.userKey());
            insert.setString(3, p.messageId());
            if (row.idHash() == null) {
                insert.setNull(4, Types.BIGINT);
                insert.setNull(5, Types.BIGINT);
            } else {
                insert.setLong(4, row.idHash().high());
                insert.setLong(5, row.idHash().low());
            }
            insert.setLong(6, p.timestamp());
            insert.setString(7, p.type());
            insert.setString(8, p.json());
            insert.addBatch();
        }
        try {
            insert.executeBatch();
        } finally {
            insert.clearBatch();
        }
    }

    private void succeed(Attempt attempt) {
        assignedSeq = Math.max(assignedSeq, attempt.lastSeq());
        count += attempt.rows().size();
        commits++;
        lastSeq = assignedSeq;
        attempt.complete();
    }

    private void undo(Attempt attempt) {
        for (Hash128 h : attempt.addedIds()) ids.remove(h);
    }

    /**
     * COMMIT itself failed: the transaction may or may not be durable. Read the table to find out;
     * if the database cannot be asked, keep the attempt in doubt (its ids still count as stored, its
     * seqs stay used) and settle it before the next write.
     */
    private void settleAfterFailedCommit(Attempt attempt, SQLException commitError) {
        dialect.rollbackQuietly(connection);
        checkConnection(commitError);
        try {
            ensureConnection();
            if (isCommitted(attempt)) {
                LOG.warn("COMMIT reported an error but the messages are stored (seq {}..{}): {}",
                        attempt.firstSeq(), attempt.lastSeq(), SqlErrors.reason(commitError));
                succeed(attempt);
                return;
            }
            undo(attempt);
            failAll(attempt.tasks(), new StoreException(notStored(attempt) + SqlErrors.reason(commitError),
                    commitError));
        } catch (SQLException | StoreException e) {
            dropConnection();
            inDoubt = attempt;
            assignedSeq = Math.max(assignedSeq, attempt.lastSeq()); // never hand out a seq that may be taken
            failAll(attempt.tasks(), new StoreException("commit of " + attempt.rows().size()
                    + " messages failed and its outcome is unknown until the database answers again ("
                    + SqlErrors.reason(commitError) + "); resending the same messageIds is safe", commitError));
        }
    }

    private boolean isCommitted(Attempt attempt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM messages WHERE seq BETWEEN ? AND ?")) {
            ps.setLong(1, attempt.firstSeq());
            ps.setLong(2, attempt.lastSeq());
            long found;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                found = rs.getLong(1);
            }
            if (found == attempt.rows().size()) return true;
            if (found == 0) return false;
            throw new IllegalStateException("seq " + attempt.firstSeq() + ".." + attempt.lastSeq() + " holds "
                    + found + " of " + attempt.rows().size() + " rows of one transaction: the messages table "
                    + "was written by something other than this store");
        }
    }

    private void erase(WriterTask.Erase task) {
        String userHash = Tombstones.hash(task.userKey());
        List<Hash128> erasedIds = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        int deleted = 0;
        try {
            ensureReady();
            dialect.begin(connection);
            try (PreparedStatement select = connection.prepareStatement(
                    MessageTable.ofUser("m.seq, m.id_hash1, m.id_hash2"))) {
                select.setLong(1, MessageTable.lastBucket(assignedSeq));
                select.setString(2, task.userKey());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                        long h1 = rs.getLong(2);
                        if (!rs.wasNull()) erasedIds.add(new Hash128(h1, rs.getLong(3)));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM messages WHERE seq = ?")) {
                for (long seq : seqs) {
                    delete.setLong(1, seq);
                    delete.addBatch();
                }
                if (!seqs.isEmpty()) for (int n : delete.executeBatch()) deleted += Math.max(n, 0);
            }
            try (PreparedStatement tombstone = connection.prepareStatement(
                    "INSERT INTO tombstones (user_hash, erased_at) VALUES (?, ?) ON CONFLICT (user_hash) DO NOTHING")) {
                tombstone.setString(1, userHash);
                tombstone.setLong(2, System.currentTimeMillis());
                tombstone.executeUpdate();
            }
            try (PreparedStatement state = connection.prepareStatement(
                    "UPDATE log_state SET last_seq = ? WHERE id = 1 AND last_seq < ?")) {
                state.setLong(1, assignedSeq);
                state.setLong(2, assignedSeq);
                state.executeUpdate();
            }
            dialect.commit(connection);
        } catch (SQLException e) {
            dialect.rollbackQuietly(connection);
            checkConnection(e);
            task.future().completeExceptionally(new StoreException("erasure of a user failed, nothing was erased: "
                    + SqlErrors.reason(e), e));
            return;
        } catch (StoreException e) {
            task.future().completeExceptionally(e);
            return;
        }
        tombstones.addHash(userHash);
        for (Hash128 h : erasedIds) ids.remove(h);
        count -= deleted;
        task.future().complete(deleted);
    }

    private void runOnConnection(WriterTask.OnConnection task) {
        try {
            ensureReady();
            Object result = task.work().run(connection); // auto-commit: each statement stands alone
            task.future().complete(result);
        } catch (SQLException e) {
            checkConnection(e);
            task.future().completeExceptionally(SqlErrors.wrap("work on the writer connection", e));
        } catch (RuntimeException e) {
            task.future().completeExceptionally(e);
        }
    }

    /** A usable connection, the in-doubt commit settled, and the stored messageIds loaded. */
    private void ensureReady() {
        try {
            ensureConnection();
            if (inDoubt != null) {
                Attempt attempt = inDoubt;
                if (isCommitted(attempt)) {
                    count += attempt.rows().size();
                    lastSeq = Math.max(lastSeq, attempt.lastSeq());
                    LOG.warn("the commit in doubt (seq {}..{}) turned out durable", attempt.firstSeq(), attempt.lastSeq());
                } else {
                    undo(attempt);
                    LOG.warn("the commit in doubt (seq {}..{}) did not happen", attempt.firstSeq(), attempt.lastSeq());
                }
                inDoubt = null;
            }
            if (!seeded) seed();
        } catch (SQLException e) {
            checkConnection(e);
            throw new StoreException("message log not ready: " + SqlErrors.reason(e), e);
        }
    }

    private void ensureConnection() {
        if (connection != null) return;
        try {
            connection = dialect.connect(url);
        } catch (SQLException e) {
            dropConnection();
            throw new StoreException("cannot connect to the database: " + SqlErrors.reason(e), e);
        }
    }

    /** Loads the messageIds already stored, in one pass that also counts the messages. */
    private void seed() throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        // PostgreSQL streams with a cursor only inside a transaction; SQLite streams anyway, and there
        // a transaction (IMMEDIATE) would hold the write lock for the whole scan.
        boolean cursor = dialect == Dialect.POSTGRESQL;
        if (cursor) dialect.begin(connection);
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(SEED_FETCH_SIZE);
            // both columns are in the per-user index, so SQLite reads that instead of the whole table
            try (ResultSet rs = st.executeQuery("SELECT id_hash1, id_hash2 FROM messages")) {
                while (rs.next()) {
                    rows++;
                    long h1 = rs.getLong(1);
                    if (!rs.wasNull()) ids.add(new Hash128(h1, rs.getLong(2)));
                }
            }
        } finally {
            if (cursor) dialect.rollbackQuietly(connection);
        }
        count = rows;
        seeded = true;
        seededFuture.complete(null);
        LOG.info("message log: {} messages, {} messageIds loaded in {} ms", rows, ids.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** After a failure: drop the connection if it is gone, so the next task reconnects. */
    private void checkConnection(SQLException e) {
        if (connection == null) return;
        boolean valid;
        try {
            valid = !SqlErrors.isConnectionProblem(e) && connection.isValid(2);
        } catch (SQLException ignored) {
            valid = false;
        }
        if (!valid) dropConnection();
    }

    private void dropConnection() {
        ConnectionPool.closeQuietly(insert);
        ConnectionPool.closeQuietly(connection);
        insert = null;
        connection = null;
    }

    private static String notStored(Attempt attempt) {
        return attempt.rows().size() + " messages not stored: ";
    }

    private static void failAll(List<? extends WriterTask> tasks, StoreException e) {
        for (WriterTask task : tasks) task.future().completeExceptionally(e);
    }

    private record Row(long seq, Pending message, Hash128 idHash) {
    }

    /** One transaction's worth of appends: the outcome of every message, and what to undo on failure. */
    private record Attempt(List<WriterTask.Append> tasks, List<List<Appended>> outcomes, List<Hash128> addedIds,
                           List<Row> rows, long lastSeq) {
        long firstSeq() {
            return rows.get(0).seq();
        }

        void complete() {
            for (int i = 0; i < tasks.size(); i++) tasks.get(i).future().complete(outcomes.get(i));
        }
    }
}
