package dev.strata.store.testing;

import dev.strata.store.Store;
import dev.strata.store.Stores;
import dev.strata.store.sql.SqlStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded SQLite store in a directory. A full disk is simulated honestly: PRAGMA
 * max_page_count on the writer's own connection caps the database at its current size, so the next
 * insert that needs a new page gets SQLite's real "database or disk is full" (SQLITE_FULL).
 */
public final class SqliteBackend implements StoreBackend {
    private final Path dir;

    public SqliteBackend(Path dir) {
        this.dir = dir;
    }

    @Override
    public Store open() {
        return Stores.open(null, dir);
    }

    @Override
    public Store reopen() {
        return Stores.open(null, dir);
    }

    @Override
    public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Stores.SQLITE_FILE).toAbsolutePath());
    }

    @Override
    public void breakWrites(SqlStore store) {
        store.messages().onWriterConnection(c -> {
            try (Statement st = c.createStatement()) {
                long pages;
                try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    pages = rs.getLong(1);
                }
                st.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }

    @Override
    public void healWrites(SqlStore store) {
        store.messages().onWriterConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = 1073741823");
            }
            return null;
        });
    }

    @Override
    public String writeFailureReason() {
        return "full";
    }
}
