package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import dev.strata.store.testing.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The same server on a real PostgreSQL (embedded binaries from Maven Central) through --database. */
class PostgresServerTest {
    @TempDir
    Path dir;

    @Test
    void ingestionSegmentsErasureAndRestartOnPostgres() {
        String url = EmbeddedPostgresServer.newDatabase();
        String id;
        try (TestServer s = TestServer.start(dir, b -> b.databaseUrl(url))) {
            assertThat(s.get("/health").json().get("components").get("strata").get("details").get("store").asString())
                    .isEqualTo("postgresql");
            Response r = s.ingest("batch", Messages.batch(
                    Messages.identify("pg-1", "pg-1-a", "{\"plan\":\"medicare\"}"),
                    Messages.identify("pg-2", "pg-2-a", "{\"plan\":\"commercial\"}"),
                    Messages.track("pg-1", "Doctor Visit", "pg-1-b", Instant.now()),
                    Messages.track("pg-1", "Doctor Visit", "pg-1-b", Instant.now())));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("stored").asInt()).isEqualTo(3);
            assertThat(r.json().get("duplicates").asInt()).isEqualTo(1);
            id = s.createSegment("Medicare visitors", "plan = \"medicare\" and did \"Doctor Visit\" within 30d");
            assertThat(s.get("/api/segments/" + id + "/members").json().get("members").toString()).isEqualTo("[\"pg-1\"]");
            s.ingest("identify", Messages.identify("pg-3", "pg-3-a", "{\"plan\":\"medicare\"}"));
            s.ingest("track", Messages.track("pg-3", "Doctor Visit", "pg-3-b", Instant.now()));
            assertThat(s.api("DELETE", "/api/profiles/pg-2", Role.ADMIN).status()).isEqualTo(200);
            assertThat(s.get("/api/audit/verify").json().get("brokenAt").asLong()).isEqualTo(-1);
        }
        try (TestServer s = TestServer.start(dir, b -> b.databaseUrl(url))) {
            JsonNode members = s.get("/api/segments/" + id + "/members").json().get("members");
            assertThat(members.toString()).isEqualTo("[\"pg-1\",\"pg-3\"]");
            assertThat(s.get("/api/profiles/pg-2").status()).isEqualTo(404);
            Response refused = s.ingest("identify", Messages.identify("pg-2", "pg-2-b", "{}"));
            assertThat(refused.json().get("rejected").get(0).get("reason").asString()).contains("erased");
            assertThat(s.get("/api/segments/" + id + "/changes").json().get("changes").size()).isEqualTo(2);
        }
    }
}
