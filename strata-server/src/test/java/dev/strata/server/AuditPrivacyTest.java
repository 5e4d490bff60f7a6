package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Reads of personal data leave audit entries; analysts see small counts as "<11". */
class AuditPrivacyTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String three;
    static String twelve;
    static String none;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        List<String> ms = new ArrayList<>();
        for (int i = 0; i < 12; i++) ms.add(Messages.track("aud-" + i, i < 3 ? "Rare" : "Common", "aud-m-" + i, Instant.now()));
        s.ingest("batch", Messages.batch(ms.toArray(String[]::new)));
        three = s.createSegment("Rare (3)", "did \"Rare\"");
        twelve = s.createSegment("Anyone (12)", "did \"Rare\" or did \"Common\"");
        none = s.createSegment("Nobody", "did \"Never Happens\"");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void personalDataReadsAreAuditedWithWhoWhatAndFromWhere() {
        String editor = s.token(Role.EDITOR);
        assertThat(s.send("GET", "/api/profiles/aud-1", TestServer.bearer(editor), null, null).status()).isEqualTo(200);
        assertThat(s.send("GET", "/api/profiles/aud-1/events", TestServer.bearer(editor), null, null).status()).isEqualTo(200);
        assertThat(s.send("GET", "/api/segments/" + three + "/members", TestServer.bearer(editor), null, null).status()).isEqualTo(200);
        Response explained = s.send("GET", "/api/segments/" + three + "/explain/aud-1", TestServer.bearer(editor), null, null);
        assertThat(explained.status()).as(explained.toString()).isEqualTo(200);
        assertThat(explained.json().get("member").asBoolean()).isTrue();

        JsonNode entries = s.get("/api/audit?actor=" + TestServer.enc("test editor")).json().get("entries");
        List<String> seen = new ArrayList<>();
        for (JsonNode e : entries) {
            seen.add(e.get("action").asString() + " " + e.get("target").asString());
            assertThat(e.get("role").asString()).isEqualTo("editor");
            assertThat(e.get("remote").asString()).isEqualTo("127.0.0.1");
            assertThat(e.get("at").asString()).isNotEmpty();
            assertThat(e.get("hash").asString()).isNotEmpty();
        }
        assertThat(seen).contains("profile.read aud-1", "profile.events aud-1", "segment.members " + three,
                "segment.explain " + three + " aud-1");
        JsonNode verification = s.get("/api/audit/verify").json();
        assertThat(verification.get("brokenAt").asLong()).isEqualTo(-1);
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void analystsSeeCountsFromOneToTenAsLessThanEleven() {
        assertThat(s.api("GET", "/api/segments/" + three, Role.ANALYST).json().get("size").asString()).isEqualTo("<11");
        assertThat(s.api("GET", "/api/segments/" + twelve, Role.ANALYST).json().get("size").asInt()).isEqualTo(12);
        assertThat(s.api("GET", "/api/segments/" + none, Role.ANALYST).json().get("size").asInt()).isZero();
        assertThat(s.api("GET", "/api/segments/" + three, Role.EDITOR).json().get("size").asInt()).isEqualTo(3);
        for (JsonNode seg : s.api("GET", "/api/segments", Role.ANALYST).json().get("segments")) {
            JsonNode size = seg.get("size");
            assertThat(size.isNumber() ? size.asInt() == 0 || size.asInt() >= 11 : size.asString().equals("<11")).as(seg.toString()).isTrue();
        }
        assertThat(s.api("POST", "/api/segments/preview", Role.ANALYST, "{\"definition\":\"did \\\"Rare\\\"\"}").json().get("size").asString())
                .isEqualTo("<11");
        assertThat(s.api("POST", "/api/segments/preview", Role.EDITOR, "{\"definition\":\"did \\\"Rare\\\"\"}").json().get("size").asInt())
                .isEqualTo(3);
        JsonNode stats = s.api("GET", "/api/segments/" + three + "/stats", Role.ANALYST).json();
        assertThat(stats.get("size").asString()).isEqualTo("<11");
        assertThat(s.api("GET", "/api/stats", Role.ANALYST).json().get("profiles").asInt()).isEqualTo(12);
    }

    @Test
    void analystsGetNoPersonalData() {
        for (String path : List.of("/api/profiles/aud-1", "/api/profiles/aud-1/events", "/api/segments/" + three + "/members",
                "/api/segments/" + three + "/explain/aud-1", "/api/segments/" + three + "/changes", "/api/audit")) {
            Response r = s.api("GET", path, Role.ANALYST);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().propertyNames()).containsExactly("error");
        }
    }
}
