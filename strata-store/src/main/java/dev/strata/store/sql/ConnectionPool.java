package dev.strata.store.sql;

import dev.strata.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few connections shared by the repositories (everything but the message log's writer, which
 * owns its own). A connection that failed and no longer answers is dropped and replaced on the
 * next borrow, so the store recovers by itself once the database is back.
 */
final class ConnectionPool implements AutoCloseable {
    private static final long BORROW_TIMEOUT_SECONDS = 30;

    private final Dialect dialect;
    private final String url;
    private final int max;
    private final BlockingQueue<Connection> idle;
    private int opened; // guarded by this
    private boolean closed; // guarded by this

    ConnectionPool(Dialect dialect, String url, int max) {
        this.dialect = dialect;
        this.url = url;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    /** Runs the work in autocommit mode (each statement its own transaction). */
    <T> T read(String what, SqlWork<T> work) {
        return use(what, false, work);
    }

    /** Runs the work in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(String what, SqlWork<T> work) {
        return use(what, true, work);
    }

    /**
     * Runs a long read whose rows should stream rather than be loaded at once. PostgreSQL uses a
     * cursor (fetch size) only inside a transaction; SQLite streams anyway, and its IMMEDIATE
     * transactions would hold the write lock for the whole read.
     */
    <T> T stream(String what, SqlWork<T> work) {
        return use(what, dialect == Dialect.POSTGRESQL, work);
    }

    private <T> T use(String what, boolean transactional, SqlWork<T> work) {
        Connection connection = borrow(what);
        boolean healthy = true;
        try {
            if (!transactional) return work.run(connection);
            dialect.begin(connection);
            try {
                T result = work.run(connection);
                dialect.commit(connection);
                return result;
            } catch (SQLException | RuntimeException e) {
                dialect.rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            healthy = !SqlErrors.isConnectionProblem(e) && isValid(connection);
            throw SqlErrors.wrap(what, e);
        } finally {
            giveBack(connection, healthy);
        }
    }

    private Connection borrow(String what) {
        Connection connection = idle.poll();
        if (connection != null) return connection;
        synchronized (this) {
            if (closed) throw new StoreException(what + ": the store is closed");
            if (opened < max) {
                opened++;
                try {
                    return dialect.connect(url);
                } catch (SQLException e) {
                    opened--;
                    throw new StoreException(what + ": cannot connect to the database: " + SqlErrors.reason(e), e);
                }
            }
        }
        try {
            connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted while waiting for a database connection", e);
        }
        if (connection == null) {
            throw new StoreException(what + ": no free database connection after " + BORROW_TIMEOUT_SECONDS
                    + " s (pool of " + max + ", all busy)");
        }
        return connection;
    }

    private void giveBack(Connection connection, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed && idle.offer(connection)) return;
            opened--;
        }
        closeQuietly(connection);
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(AutoCloseable resource) {
        if (resource == null) return;
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing is best effort: nothing is lost by a failed close
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }
}
