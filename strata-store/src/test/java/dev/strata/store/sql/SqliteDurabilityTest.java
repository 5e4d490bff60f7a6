package dev.strata.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.Stores;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings that make an acknowledged message survive a power cut are really in force. */
class SqliteDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void theWriterRunsInWalModeWithAFullSyncOnEveryCommit() {
        try (SqlStore store = (SqlStore) Stores.open(null, dir)) {
            String journal = store.messages().onWriterConnection(c -> pragma(c.createStatement(), "journal_mode"));
            String synchronous = store.messages().onWriterConnection(c -> pragma(c.createStatement(), "synchronous"));

            assertThat(journal).isEqualToIgnoringCase("wal");
            assertThat(synchronous).isEqualTo("2"); // FULL
        }
        assertThat(dir.resolve(Stores.SQLITE_FILE)).exists();
    }

    private static String pragma(Statement st, String name) throws java.sql.SQLException {
        try (st; ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
