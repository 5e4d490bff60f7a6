package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.store.Store;
import dev.strata.store.sql.SqlStore;
import dev.strata.store.testing.SqliteBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk turns ingestion into 503s with the reason; nothing unacknowledged is kept, nothing acknowledged lost. */
class StoreFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsA503WithItsReasonAndIngestionResumesOnceItIsFreed() {
        try (TestServer s = TestServer.start(dir)) {
            assertThat(s.ingest("track", Messages.track("full-1", "Before", "full-before", Instant.now())).status()).isEqualTo(200);
            SqlStore store = (SqlStore) s.server.bean(Store.class);
            SqliteBackend disk = new SqliteBackend(dir);
            disk.breakWrites(store);

            List<String> ms = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ms.add("{\"type\":\"track\",\"userId\":\"full-1\",\"event\":\"During\",\"messageId\":\"full-" + i
                        + "\",\"properties\":{\"pad\":\"" + "p".repeat(1000) + "\"}}");
            }
            String batch = Messages.batch(ms.toArray(String[]::new));
            Response refused = s.ingest("batch", batch);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.json().get("success").asBoolean()).isFalse();
            assertThat(refused.json().get("error").asString()).contains("full");
            assertThat(s.get("/api/profiles/full-1").json().get("eventCounts").has("During")).isFalse();

            disk.healWrites(store);
            Response accepted = s.ingest("batch", batch);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.json().get("stored").asInt()).isEqualTo(300);
            assertThat(s.get("/api/profiles/full-1").json().get("eventCounts").get("During").asInt()).isEqualTo(300);
            assertThat(s.get("/health").json().get("status").asString()).isEqualTo("UP");
        }
    }
}
