package dev.strata.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.Stores;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite chooses plans without being told, and a small change to a query (a CAST, a join order)
 * makes it scan the whole messages table instead: these plans are checked, not assumed.
 */
class SqliteQueryPlansTest {
    @TempDir
    Path dir;

    @Test
    void findsAUsersMessagesBySeekingTheIndexInEachBucket() {
        List<String> plan = plan(MessageTable.ofUser("m.seq, m.body"), true);

        assertThat(plan).anyMatch(line -> line.startsWith("SEARCH m USING INDEX messages_by_user (<expr>=? AND user_key=?)"));
        assertThat(plan).noneMatch(line -> line.contains("AUTOMATIC") || line.startsWith("SCAN m"));
    }

    @Test
    void loadsMessageIdHashesFromTheIndexAloneAtOpen() {
        assertThat(plan("SELECT id_hash1, id_hash2 FROM messages", false))
                .containsExactly("SCAN messages USING COVERING INDEX messages_by_user");
    }

    @Test
    void readsTheLastChangesOfSegmentsBySeekingTheIndexForEach() {
        List<String> plan = plan(SqlChangeLog.lastChangesSql(3), false);

        assertThat(plan).anyMatch(line -> line.startsWith("SEARCH changes USING COVERING INDEX changes_segment (segment_id=?)"));
        assertThat(plan).noneMatch(line -> line.startsWith("SCAN changes"));
    }

    private List<String> plan(String sql, boolean userQuery) {
        try (SqlStore store = (SqlStore) Stores.open(null, dir)) {
            return store.messages().onWriterConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    if (userQuery) {
                        ps.setLong(1, 100);
                        ps.setString(2, "someone");
                    }
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) lines.add(rs.getString(4));
                    }
                    return lines;
                }
            });
        }
    }
}
