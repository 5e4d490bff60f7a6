package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import dev.strata.server.webhooks.Signatures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Membership changes reach subscribers: SSE streams, signed webhooks, the change log, and time passing. */
class LiveChangesTest {
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
    void aStreamReceivesTheEntryCausedByAMessage() throws Exception {
        String id = s.createSegment("Booked (sse)", "did \"Appointment Booked\"");
        try (SseClient sse = new SseClient(s.http(), s.base() + "/api/segments/" + id + "/changes/stream", s.token(Role.EDITOR))) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.next("subscribed", 5)).isNotNull();
            s.ingest("track", Messages.track("sse-1", "Appointment Booked", "sse-1-a", Instant.now()));
            SseClient.Event e = sse.next("change", 5);
            assertThat(e).isNotNull();
            assertThat(e.data().get("userId").asString()).isEqualTo("sse-1");
            assertThat(e.data().get("change").asString()).isEqualTo("entered");
            assertThat(e.data().get("segmentId").asString()).isEqualTo(id);
        }
        JsonNode changes = s.get("/api/segments/" + id + "/changes").json().get("changes");
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).get("userId").asString()).isEqualTo("sse-1");
        JsonNode mine = s.get("/api/profiles/sse-1/changes").json().get("changes");
        assertThat(mine.get(0).get("segmentId").asString()).isEqualTo(id);
        assertThat(mine.get(0).get("change").asString()).isEqualTo("entered");
    }

    @Test
    void aWindowSlidingPastTheLastEventExitsWithinASecondOfThatInstant() throws Exception {
        String id = s.createSegment("Pinged within 1h", "did \"Ping\" within 1h");
        try (SseClient sse = new SseClient(s.http(), s.base() + "/api/segments/" + id + "/changes/stream", TestServer.ADMIN)) {
            assertThat(sse.next("subscribed", 5)).isNotNull();
            Instant event = Instant.now().minus(Duration.ofHours(1)).plusMillis(2500);
            assertThat(s.ingest("track", Messages.track("win-1", "Ping", "win-1-a", event)).status()).isEqualTo(200);
            assertThat(sse.next("change", 5).data().get("change").asString()).isEqualTo("entered");
            SseClient.Event exit = sse.next("change", 10);
            assertThat(exit).as("no exit arrived").isNotNull();
            assertThat(exit.data().get("change").asString()).isEqualTo("exited");
            long slid = Instant.parse(exit.data().get("at").asString()).toEpochMilli();
            assertThat(slid).isBetween(event.plus(Duration.ofHours(1)).toEpochMilli() - 1, event.plus(Duration.ofHours(1)).toEpochMilli() + 1);
            assertThat(exit.receivedAt() - slid).as("lag of the exit after its instant, ms").isLessThanOrEqualTo(1000);
        }
        assertThat(s.get("/api/segments/" + id).json().get("size").asInt()).isZero();
    }

    @Test
    void aWebhookReceivesSignedChangesOfItsSegment() throws Exception {
        String id = s.createSegment("Refilled (webhook)", "did \"Medication Refill\"");
        try (Receiver receiver = new Receiver(200)) {
            Response created = s.api("POST", "/api/webhooks", Role.ADMIN,
                    "{\"url\":\"" + receiver.url() + "\",\"segmentId\":\"" + id + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String secret = created.json().get("secret").asString();
            s.ingest("track", Messages.track("hook-1", "Medication Refill", "hook-1-a", Instant.now()));
            s.ingest("track", Messages.track("hook-2", "Something Else", "hook-2-a", Instant.now()));
            Receiver.Request got = receiver.next(10);
            assertThat(got).isNotNull();
            assertThat(got.signature()).isEqualTo(Signatures.sign(secret, got.body()));
            JsonNode body = TestServer.JSON.readTree(got.body());
            assertThat(body.get("webhookId").asString()).isEqualTo(created.json().get("id").asString());
            assertThat(body.get("changes").size()).isEqualTo(1);
            assertThat(body.get("changes").get(0).get("userId").asString()).isEqualTo("hook-1");
            assertThat(body.get("changes").get(0).get("change").asString()).isEqualTo("entered");
            assertThat(s.get("/api/webhooks").json().toString()).doesNotContain(secret);
            // the delivery is audited once the receiver has answered
            int exports = 0;
            for (int i = 0; i < 100 && exports == 0; i++) {
                exports = s.get("/api/audit?action=webhook.export").json().get("entries").size();
                if (exports == 0) Thread.sleep(50);
            }
            assertThat(exports).isEqualTo(1);
            s.api("DELETE", "/api/webhooks/" + created.json().get("id").asString(), Role.ADMIN);
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffThenDeadLettered() throws Exception {
        String id = s.createSegment("Surveyed (failing webhook)", "did \"Survey Answered\"");
        try (Receiver receiver = new Receiver(500)) {
            Response created = s.api("POST", "/api/webhooks", Role.ADMIN,
                    "{\"url\":\"" + receiver.url() + "\",\"segmentId\":\"" + id + "\",\"secret\":\"a-secret-of-enough-length\"}");
            String hook = created.json().get("id").asString();
            s.ingest("track", Messages.track("dead-1", "Survey Answered", "dead-1-a", Instant.now()));
            for (int attempt = 1; attempt <= 3; attempt++) {
                Receiver.Request r = receiver.next(10);
                assertThat(r).as("attempt " + attempt).isNotNull();
                assertThat(r.attempt()).isEqualTo(Integer.toString(attempt));
                assertThat(r.signature()).isEqualTo(Signatures.sign("a-secret-of-enough-length", r.body()));
            }
            JsonNode letter = null;
            for (int i = 0; i < 100 && letter == null; i++) {
                for (JsonNode l : s.get("/api/webhooks/dead-letters").json().get("deadLetters")) {
                    if (l.get("webhookId").asString().equals(hook)) letter = l;
                }
                if (letter == null) Thread.sleep(50);
            }
            assertThat(letter).isNotNull();
            assertThat(letter.get("attempts").asInt()).isEqualTo(3);
            assertThat(letter.get("lastError").asString()).isEqualTo("HTTP 500");
            assertThat(letter.get("body").asString()).contains("dead-1");
            assertThat(receiver.next(1)).as("no fourth attempt").isNull();
        }
    }
}
