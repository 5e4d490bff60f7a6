package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A restart rebuilds the same memberships from the store; first credentials are generated once. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void membershipsAfterARestartEqualThoseBefore() {
        String dynamic, snapshot, uploaded;
        JsonNode before;
        try (TestServer s = TestServer.start(dir)) {
            List<String> ms = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ms.add(Messages.identify("rs-" + i, "rs-i-" + i, "{\"age\":" + (20 + i) + "}"));
                if (i % 3 == 0) ms.add(Messages.track("rs-" + i, "Visit", "rs-t-" + i, Instant.now()));
            }
            assertThat(s.ingest("batch", Messages.batch(ms.toArray(String[]::new))).status()).isEqualTo(200);
            dynamic = s.createSegment("Visitors over 40", "did \"Visit\" and age > 40");
            Response st = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"Under 30 then\",\"definition\":\"age < 30\",\"kind\":\"static\"}");
            snapshot = st.json().get("id").asString();
            uploaded = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"Uploaded\",\"kind\":\"static\"}").json().get("id").asString();
            Response up = s.send("PUT", "/api/segments/" + uploaded + "/members", TestServer.bearer(TestServer.ADMIN), "text/csv", "userId\nrs-1\nrs-2\nunknown\n");
            assertThat(up.status()).as(up.toString()).isEqualTo(200);
            // The snapshot stays as taken, even after the profiles it was taken from change.
            s.ingest("identify", Messages.identify("rs-0", "rs-i-0-b", "{\"age\":70}"));
            before = snapshotOf(s, dynamic, snapshot, uploaded);
            assertThat(before.get(snapshot).size()).isEqualTo(10);
            assertThat(before.get(uploaded).size()).isEqualTo(2);
        }
        try (TestServer s = TestServer.start(dir)) {
            assertThat(snapshotOf(s, dynamic, snapshot, uploaded)).isEqualTo(before);
            assertThat(s.get("/api/profiles/rs-0").json().get("traits").get("age").asInt()).isEqualTo(70);
        }
    }

    private static JsonNode snapshotOf(TestServer s, String... ids) {
        var out = TestServer.JSON.createObjectNode();
        for (String id : ids) {
            var arr = out.putArray(id);
            String cursor = null;
            do {
                JsonNode page = s.get("/api/segments/" + id + "/members?limit=7" + (cursor == null ? "" : "&after=" + cursor)).json();
                for (JsonNode m : page.get("members")) arr.add(m.asString());
                cursor = page.get("next").isNull() ? null : page.get("next").asString();
            } while (cursor != null);
        }
        return out;
    }

    @Test
    void firstCredentialsAreGeneratedOnceAndWork() {
        String admin;
        String writeKey;
        try (TestServer s = TestServer.start(dir, b -> b.adminToken(null).writeKey(null))) {
            admin = s.server.generatedAdminToken().orElseThrow();
            writeKey = s.server.generatedWriteKey().orElseThrow();
            assertThat(s.send("GET", "/api/tokens", TestServer.bearer(admin), null, null).status()).isEqualTo(200);
            assertThat(s.send("POST", "/v1/identify", TestServer.basic(writeKey), "application/json", "{\"userId\":\"gen-1\"}").status()).isEqualTo(200);
        }
        try (TestServer s = TestServer.start(dir, b -> b.adminToken(null).writeKey(null))) {
            assertThat(s.server.generatedAdminToken()).isEmpty();
            assertThat(s.server.generatedWriteKey()).isEmpty();
            Response tokens = s.send("GET", "/api/tokens", TestServer.bearer(admin), null, null);
            assertThat(tokens.status()).isEqualTo(200);
            assertThat(tokens.body()).doesNotContain(admin).doesNotContain(writeKey);
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAShutdownDuringIngestion() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (TestServer s = TestServer.start(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    List<String> ok = new ArrayList<>();
                    for (int b = 0; b < 1000; b++) {
                        List<String> ids = new ArrayList<>();
                        List<String> ms = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            String id = "gs-" + thread + "-" + b + "-" + i;
                            ids.add(id);
                            ms.add(Messages.track("gs-user-" + i, "Tick", id, Instant.now()));
                        }
                        try {
                            Response r = s.ingest("batch", Messages.batch(ms.toArray(String[]::new)));
                            if (r.status() == 200) ok.addAll(ids);
                        } catch (RuntimeException e) {
                            return ok; // the server is gone
                        }
                    }
                    return ok;
                }));
            }
            Thread.sleep(1500);
            s.close();
            for (Future<List<String>> f : work) acknowledged.addAll(f.get());
            pool.shutdown();
        }
        assertThat(acknowledged).isNotEmpty();
        try (TestServer s = TestServer.start(dir)) {
            long stored = 0;
            for (int i = 0; i < 10; i++) stored += s.get("/api/profiles/gs-user-" + i + "/events?limit=10000").json().get("events").size();
            assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < 10; i++) {
                for (JsonNode e : s.get("/api/profiles/gs-user-" + i + "/events?limit=10000").json().get("events")) {
                    assertThat(seen.add(e.get("messageId").asString())).as("stored once: " + e).isTrue();
                }
            }
            assertThat(seen).containsAll(acknowledged);
        }
    }

    @Test
    void aSnapshotPlusTheMessagesStoredAfterItGivesTheSameProfilesAndErasuresStay() throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            s.ingest("batch", Messages.batch(Messages.identify("sn-1", "sn-1-a", "{\"tier\":1}"),
                    Messages.identify("sn-2", "sn-2-a", "{\"tier\":1}"), Messages.identify("sn-3", "sn-3-a", "{\"tier\":1}")));
            s.createSegment("Tier 2", "tier = 2");
        }
        try (TestServer s = TestServer.start(dir)) {
            // this start replayed the store and writes the snapshot in the background
            for (int i = 0; i < 100 && !snapshotExists(); i++) Thread.sleep(50);
            assertThat(snapshotExists()).isTrue();
            s.ingest("identify", Messages.identify("sn-1", "sn-1-b", "{\"tier\":2}"));
            s.ingest("identify", Messages.identify("sn-4", "sn-4-a", "{\"tier\":2}"));
        }
        try (TestServer s = TestServer.start(dir)) {
            String tier2 = s.get("/api/segments").json().get("segments").get(0).get("id").asString();
            assertThat(s.get("/api/segments/" + tier2 + "/members").json().get("members").toString())
                    .isEqualTo("[\"sn-1\",\"sn-4\"]");
            assertThat(s.get("/api/profiles/sn-2").json().get("traits").get("tier").asInt()).isEqualTo(1);
            assertThat(s.api("DELETE", "/api/profiles/sn-2", Role.ADMIN).status()).isEqualTo(200);
            assertThat(snapshotExists()).as("an erasure deletes the snapshot that still holds the user").isFalse();
        }
        try (TestServer s = TestServer.start(dir)) {
            assertThat(s.get("/api/profiles/sn-2").status()).isEqualTo(404);
            assertThat(s.get("/api/profiles/sn-3").status()).isEqualTo(200);
            assertThat(s.get("/api/stats").json().get("profiles").asInt()).isEqualTo(3);
        }
    }

    private boolean snapshotExists() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".snapshot"));
        }
    }
}
