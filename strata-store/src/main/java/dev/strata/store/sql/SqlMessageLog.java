package dev.strata.store.sql;

import dev.strata.store.MessageLog;
import dev.strata.store.StoreException;
import dev.strata.store.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The message log on SQLite or PostgreSQL. Writes go through one {@link LogWriter} thread (group
 * commit); reads use the shared pool and see committed data only.
 *
 * <p>Futures returned by {@link #append} complete on the writer thread, in commit order: a
 * dependent stage attached without an executor runs there and delays the next commit, so anything
 * slow belongs in an {@code ...Async} stage.
 */
public final class SqlMessageLog implements MessageLog {
    /** Messages accepted but not yet committed; appenders wait beyond this (back-pressure). */
    private static final int MAX_IN_FLIGHT = 200_000;
    private static final int REPLAY_FETCH_SIZE = 1_000;
    private static final long WAIT_SECONDS = 120;
    private static final String COLUMNS = MessageTable.COLUMNS;
    private static final String USER_COLUMNS = "m.seq, m.user_key, m.message_id, m.ts, m.type, m.body";

    private final ConnectionPool pool;
    private final Tombstones tombstones;
    private final BlockingQueue<WriterTask> queue = new LinkedBlockingQueue<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final LogWriter writer;
    private final Thread writerThread;
    private boolean closed; // guarded by gate

    SqlMessageLog(ConnectionPool pool, Dialect dialect, String url) {
        this.pool = pool;
        this.tombstones = new Tombstones();
        long lastSeq = pool.read("open the message log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_hash FROM tombstones");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) tombstones.addHash(rs.getString(1));
            }
            return Math.max(queryLong(c, "SELECT COALESCE(MAX(seq), 0) FROM messages"),
                    queryLong(c, "SELECT last_seq FROM log_state WHERE id = 1"));
        });
        this.writer = new LogWriter(dialect, url, queue, tombstones, lastSeq);
        this.writerThread = new Thread(writer, "strata-message-log-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    @Override
    public CompletableFuture<List<Appended>> append(List<Pending> messages) {
        Objects.requireNonNull(messages, "messages");
        for (int i = 0; i < messages.size(); i++) PendingCheck.check(messages.get(i), i);
        if (messages.isEmpty()) return CompletableFuture.completedFuture(List.of());
        int permits = Math.min(messages.size(), MAX_IN_FLIGHT);
        try {
            inFlight.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new StoreException("interrupted while waiting to append", e));
        }
        CompletableFuture<List<Appended>> future = new CompletableFuture<>();
        future.whenComplete((result, error) -> inFlight.release(permits));
        enqueue(new WriterTask.Append(List.copyOf(messages), future));
        return future;
    }

    @Override
    public void replay(long afterSeq, Consumer<StoredMessage> sink) {
        Objects.requireNonNull(sink, "sink");
        SqlWork<Void> work = c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM messages WHERE seq > ? ORDER BY seq")) {
                ps.setFetchSize(REPLAY_FETCH_SIZE);
                ps.setLong(1, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(read(rs));
                }
            }
            return null;
        };
        pool.stream("replay messages after seq " + afterSeq, work);
    }

    @Override
    public List<StoredMessage> messagesOf(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        return pool.read("read a user's messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(MessageTable.ofUser(USER_COLUMNS))) {
                ps.setLong(1, MessageTable.lastBucket(writer.lastSeq()));
                ps.setString(2, userKey);
                List<StoredMessage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                return out;
            }
        });
    }

    @Override
    public int erase(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        CompletableFuture<Integer> future = new CompletableFuture<>();
        enqueue(new WriterTask.Erase(userKey, future));
        return await(future, "erase a user");
    }

    @Override
    public boolean isErased(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        return tombstones.contains(userKey);
    }

    /** The highest seq ever assigned: the newest message's, unless erasure deleted it. */
    @Override
    public long lastSeq() {
        return writer.lastSeq();
    }

    @Override
    public long count() {
        await(writer.seeded(), "count messages (the log is still loading its messageIds)");
        return writer.count();
    }

    /** Transactions of appended messages committed since the store opened (for metrics: messages per commit). */
    public long commits() {
        return writer.commits();
    }

    /**
     * Runs work on the writer's own connection between two commits, then commits. Meant for fault
     * injection in tests and for diagnostics: what is done here affects every later append.
     */
    public <T> T onWriterConnection(SqlFunction<T> work) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        enqueue(new WriterTask.OnConnection(work::apply, future));
        @SuppressWarnings("unchecked")
        T result = (T) await(future, "work on the writer connection");
        return result;
    }

    /** Work on a JDBC connection (public form of the store's internal callback). */
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Finishes every task accepted before this call, then stops the writer. */
    void close() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        gate.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            queue.add(new WriterTask.Stop(stopped));
        } finally {
            gate.writeLock().unlock();
        }
        await(stopped, "finish pending appends");
    }

    private void enqueue(WriterTask task) {
        gate.readLock().lock();
        try {
            if (closed) {
                task.future().completeExceptionally(new StoreException("the store is closed"));
                return;
            }
            queue.add(task);
        } finally {
            gate.readLock().unlock();
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new StoreException(what + ": " + cause, cause);
        } catch (TimeoutException e) {
            throw new StoreException(what + ": no answer from the message log writer after " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted", e);
        }
    }

    private static StoredMessage read(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6));
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
