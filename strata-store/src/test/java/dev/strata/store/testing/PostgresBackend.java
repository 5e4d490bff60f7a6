package dev.strata.store.testing;

import dev.strata.store.Store;
import dev.strata.store.Stores;
import dev.strata.store.sql.SqlStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A fresh database in the shared embedded PostgreSQL server. A write failure is a real lost
 * connection: the server terminates the writer's backend process, as a restart or a network cut would.
 */
public final class PostgresBackend implements StoreBackend {
    private final String url = EmbeddedPostgresServer.newDatabase();

    @Override
    public Store open() {
        return Stores.open(url, null);
    }

    @Override
    public Store reopen() {
        return Stores.open(url, null);
    }

    @Override
    public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void breakWrites(SqlStore store) throws SQLException {
        int pid = store.messages().onWriterConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        try (Connection admin = EmbeddedPostgresServer.adminConnection();
             PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) throw new IllegalStateException("backend " + pid + " was not terminated");
            }
        }
    }

    @Override
    public void healWrites(SqlStore store) {
        // nothing to undo: the server is still up, and the store reconnects by itself
    }

    @Override
    public String writeFailureReason() {
        return "connection";
    }
}
