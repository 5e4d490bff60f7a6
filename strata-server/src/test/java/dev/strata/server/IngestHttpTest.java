package dev.strata.server;

import static dev.strata.server.Messages.batch;
import static dev.strata.server.Messages.identify;
import static dev.strata.server.Messages.track;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Segment-compatible ingestion over real HTTP: durability answers, idempotency, limits, refusals. */
class IngestHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void identifyAndTrackAreStoredAndReadBackNewestFirst() {
        Response r = s.ingest("identify", "{\"userId\":\"ing-1\",\"messageId\":\"ing-1-a\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"traits\":{\"plan\":\"gold\",\"age\":41}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("success").asBoolean()).isTrue();
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(s.ingest("track", "{\"userId\":\"ing-1\",\"event\":\"App Open\",\"messageId\":\"ing-1-b\",\"timestamp\":\"" + t + "\"}").status()).isEqualTo(200);
        assertThat(s.ingest("track", "{\"userId\":\"ing-1\",\"event\":\"App Open\",\"messageId\":\"ing-1-c\",\"timestamp\":\"" + t.plusSeconds(60) + "\"}").status()).isEqualTo(200);

        JsonNode profile = s.get("/api/profiles/ing-1").json();
        assertThat(profile.get("traits").get("plan").asString()).isEqualTo("gold");
        assertThat(profile.get("traits").get("age").asInt()).isEqualTo(41);
        assertThat(profile.get("eventCounts").get("App Open").asInt()).isEqualTo(2);

        JsonNode events = s.get("/api/profiles/ing-1/events?limit=2").json().get("events");
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.get(0).get("messageId").asString()).isEqualTo("ing-1-c");
        assertThat(events.get(1).get("messageId").asString()).isEqualTo("ing-1-b");
        assertThat(events.get(0).get("timestamp").asString()).isEqualTo(t.plusSeconds(60).toString());
        assertThat(events.get(0).get("message").get("event").asString()).isEqualTo("App Open");
    }

    @Test
    void aRepeatedMessageIdIsAcceptedButNotStoredOrCountedTwice() {
        String m = track("dup-1", "Visit", "dup-1-m", Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(s.ingest("track", m).json().get("stored").asInt()).isEqualTo(1);
        Response again = s.ingest("batch", batch(m, m));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(s.get("/api/profiles/dup-1").json().get("eventCounts").get("Visit").asInt()).isEqualTo(1);
        assertThat(s.get("/api/profiles/dup-1/events").json().get("events").size()).isEqualTo(1);
    }

    @Test
    void aBatchStoresTheValidMessagesAndListsTheInvalidOnesByIndex() {
        Instant t = Instant.parse("2026-02-02T00:00:00Z");
        Response r = s.ingest("batch", batch(
                track("bat-1", "A", "bat-1-a", t),
                "{\"type\":\"track\",\"userId\":\"bat-1\"}",
                "17",
                identify("bat-2", "bat-2-a", "{\"x\":1}"),
                "{\"type\":\"launch\",\"userId\":\"bat-3\"}",
                "{\"type\":\"page\",\"anonymousId\":\"bat-anon\",\"name\":\"Home\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("stored").asInt()).isEqualTo(3);
        assertThat(a.get("rejected").size()).isEqualTo(3);
        assertThat(a.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(a.get("rejected").get(0).get("reason").asString()).contains("event");
        assertThat(a.get("rejected").get(1).get("index").asInt()).isEqualTo(2);
        assertThat(a.get("rejected").get(2).get("index").asInt()).isEqualTo(4);
        assertThat(a.get("rejected").get(2).get("reason").asString()).contains("launch");
        assertThat(s.get("/api/profiles/bat-2").status()).isEqualTo(200);
        // a page call is stored under its user but not evaluated: no profile, yet its event is kept
        assertThat(s.get("/api/profiles/bat-anon").status()).isEqualTo(404);
        assertThat(s.get("/api/profiles/bat-anon/events").status()).isEqualTo(200);
    }

    @Test
    void aBatchWithNothingValidIsA400ListingEveryMessage() {
        Response r = s.ingest("batch", batch("{\"type\":\"track\"}", "[]"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("rejected").size()).isEqualTo(2);
        assertThat(s.ingest("batch", "{\"batch\":[]}").json().get("error").asString()).contains("no messages");
    }

    @Test
    void segmentLimitsAreEnforcedWithTheReason() {
        String big = "{\"userId\":\"big\",\"traits\":{\"blob\":\"" + "x".repeat(33 * 1024) + "\"}}";
        Response single = s.ingest("identify", big);
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.json().get("error").asString()).contains("32 KB");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) many.add("{\"type\":\"identify\",\"userId\":\"big-" + i + "\",\"traits\":{\"b\":\"" + "y".repeat(30 * 1024) + "\"}}");
        Response tooBig = s.ingest("batch", batch(many.toArray(String[]::new)));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("error").asString()).contains("500 KB");

        Response oneTooBig = s.ingest("batch", batch(identify("ok-1", "ok-1-a", "{}"),
                "{\"type\":\"identify\",\"userId\":\"big-x\",\"traits\":{\"b\":\"" + "z".repeat(33 * 1024) + "\"}}"));
        assertThat(oneTooBig.status()).isEqualTo(200);
        assertThat(oneTooBig.json().get("stored").asInt()).isEqualTo(1);
        assertThat(oneTooBig.json().get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(oneTooBig.json().get("rejected").get(0).get("reason").asString()).contains("32 KB");
    }

    @Test
    void credentialsAndContentTypeAreChecked() {
        String m = identify("auth-1", "auth-1-a", "{}");
        Response none = s.send("POST", "/v1/identify", null, "application/json", m);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(none.json().get("success").asBoolean()).isFalse();
        assertThat(s.send("POST", "/v1/identify", TestServer.basic("wrong-key"), "application/json", m).status()).isEqualTo(401);
        assertThat(s.send("POST", "/v1/identify", "Basic !!!notbase64", "application/json", m).status()).isEqualTo(401);
        assertThat(s.send("POST", "/v1/identify", TestServer.bearer(TestServer.WRITE_KEY), "application/json", m).status()).isEqualTo(401);
        assertThat(s.send("POST", "/v1/identify", TestServer.basic(s.token(Role.ANALYST)), "application/json", m).status()).isEqualTo(403);
        assertThat(s.send("POST", "/v1/identify", TestServer.basic(s.token(Role.INGEST)), "application/json", m).status()).isEqualTo(200);

        Response text = s.send("POST", "/v1/identify", TestServer.basic(TestServer.WRITE_KEY), "text/plain", m);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("error").asString()).contains("text/plain");
        assertThat(s.send("POST", "/v1/identify", TestServer.basic(TestServer.WRITE_KEY), null, m).status()).isEqualTo(415);
        assertThat(s.send("POST", "/v1/identify", TestServer.basic(TestServer.WRITE_KEY), "application/json; charset=utf-8",
                identify("auth-2", "auth-2-a", "{}")).status()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        Response r = s.ingest("batch", "{\"batch\": [\n  {\"type\": \"track\",, }\n]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).startsWith("malformed JSON");
        assertThat(r.json().get("line").asInt()).isEqualTo(2);
        assertThat(r.json().get("column").asInt()).isGreaterThan(1);
    }

    @Test
    void membershipIsVisibleAsSoonAsTheIngestAnswerArrives() {
        String id = s.createSegment("Signed up (ingest test)", "did \"Signup Completed\"");
        for (int i = 0; i < 20; i++) {
            String user = "vis-" + i;
            Response r = s.ingest("track", track(user, "Signup Completed", user + "-m", Instant.now()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(s.get("/api/profiles/" + user).json().get("segments").toString()).contains(id);
        }
        assertThat(s.get("/api/segments/" + id).json().get("size").asInt()).isEqualTo(20);
    }

    @Test
    void concurrentBatchesAreAllStoredAndAppliedExactlyOnce() throws Exception {
        int threads = 6, batches = 15, perBatch = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Response>> answers = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        for (int th = 0; th < threads; th++) {
            for (int b = 0; b < batches; b++) {
                List<String> ms = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    // every thread writes to the same ten users, so their applies interleave
                    ms.add(track("conc-" + (i % 10), "Tap", "conc-" + th + "-" + b + "-" + i, t.plusSeconds(i)));
                }
                String body = batch(ms.toArray(String[]::new));
                answers.add(pool.submit(() -> s.ingest("batch", body)));
            }
        }
        int stored = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            stored += r.json().get("stored").asInt();
        }
        pool.shutdown();
        assertThat(stored).isEqualTo(threads * batches * perBatch);
        for (int u = 0; u < 10; u++) {
            assertThat(s.get("/api/profiles/conc-" + u).json().get("eventCounts").get("Tap").asInt())
                    .isEqualTo(threads * batches * perBatch / 10);
        }
    }

    @Test
    void anErasedUserIsRefusedFromThenOn() {
        assertThat(s.ingest("identify", identify("gone-1", "gone-1-a", "{\"email\":\"a@b.c\"}")).status()).isEqualTo(200);
        Response erase = s.api("DELETE", "/api/profiles/gone-1", Role.ADMIN);
        assertThat(erase.status()).as(erase.toString()).isEqualTo(200);
        assertThat(erase.json().get("messagesDeleted").asInt()).isEqualTo(1);
        assertThat(s.get("/api/profiles/gone-1").status()).isEqualTo(404);
        assertThat(s.get("/api/profiles/gone-1/events").status()).isEqualTo(404);

        Response again = s.ingest("batch", batch(identify("gone-1", "gone-1-b", "{}"), identify("kept-1", "kept-1-a", "{}")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isEqualTo(1);
        assertThat(again.json().get("rejected").get(0).get("index").asInt()).isZero();
        assertThat(again.json().get("rejected").get(0).get("reason").asString()).contains("erased");
        assertThat(s.get("/api/profiles/gone-1").status()).isEqualTo(404);
    }
}
