package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile names, definitions and ids are data, never code, paths or crashes. */
class InjectionTest {
    @TempDir
    static Path dir;
    static TestServer s;

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE messages; --", "\" OR \"1\"=\"1", "x' OR '1'='1", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2f", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "Robert'); DELETE FROM segments;--",
            "名前 with ünïcödé and emoji \uD83D\uDE00");

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void hostileSegmentNamesAreStoredAndReturnedVerbatim() {
        for (String name : HOSTILE) {
            Response r = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":" + TestServer.JSON.writeValueAsString(name)
                    + ",\"definition\":\"plan = \\\"gold\\\"\"}");
            assertThat(r.status()).as(name + " -> " + r).isEqualTo(201);
            String id = r.json().get("id").asString();
            assertThat(s.get("/api/segments/" + id).json().get("name").asString()).isEqualTo(name);
        }
        assertThat(s.get("/api/segments").json().get("segments").size()).isGreaterThanOrEqualTo(HOSTILE.size());
        Response huge = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"" + "n".repeat(100_000) + "\",\"definition\":\"x = 1\"}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("error").asString()).contains("100000 characters");
        assertThat(s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"a\\u0000b\",\"definition\":\"x = 1\"}").status()).isEqualTo(400);
    }

    @Test
    void hostileDefinitionsAreParsedAsTheLanguageOrRefusedWithAPosition() {
        Response quoted = s.api("POST", "/api/segments/preview", Role.EDITOR,
                "{\"definition\":" + TestServer.JSON.writeValueAsString("name = \"x'; DROP TABLE messages; --\" or plan = 'a'") + "}");
        assertThat(quoted.status()).as(quoted.toString()).isEqualTo(400);
        assertThat(quoted.json().get("line").asInt()).isEqualTo(1);
        assertThat(quoted.json().get("column").asInt()).isGreaterThan(1);

        Response sql = s.api("POST", "/api/segments/preview", Role.EDITOR,
                "{\"definition\":" + TestServer.JSON.writeValueAsString("name = \"x'; DROP TABLE messages; --\"") + "}");
        assertThat(sql.status()).isEqualTo(200);
        assertThat(sql.json().get("size").asInt()).isZero();

        Response invalid = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"bad\",\"definition\":\"age >= \\n and\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("line").asInt()).isEqualTo(2);
        assertThat(invalid.json().has("column")).isTrue();
        assertThat(invalid.json().get("error").asString()).isNotBlank();

        Response nested = s.api("POST", "/api/segments/preview", Role.EDITOR, "{\"definition\":\"" + "(".repeat(5000) + "x = 1" + ")".repeat(5000) + "\"}");
        assertThat(nested.status()).isEqualTo(400);
        Response unknownRef = s.api("POST", "/api/segments", Role.EDITOR, "{\"name\":\"refs\",\"definition\":\"in segment \\\"../etc\\\"\"}");
        assertThat(unknownRef.status()).isEqualTo(400);
        Response tooLong = s.api("POST", "/api/segments/preview", Role.EDITOR, "{\"definition\":\"" + "x = 1 or ".repeat(20_000) + "x = 1\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asString()).contains("limit");
    }

    @Test
    void hostileUserIdsRoundTripAndPathTricksFindNothing() {
        for (String user : HOSTILE) {
            if (user.contains("/") || user.contains("\\")) continue; // not addressable in a path segment: covered below
            Response r = s.ingest("identify", "{\"userId\":" + TestServer.JSON.writeValueAsString(user) + ",\"traits\":{\"k\":\"v\"}}");
            assertThat(r.status()).as(user + " -> " + r).isEqualTo(200);
            Response p = s.get("/api/profiles/" + TestServer.enc(user));
            assertThat(p.status()).as(user + " -> " + p).isEqualTo(200);
            assertThat(p.json().get("userId").asString()).isEqualTo(user);
            assertThat(p.json().get("traits").get("k").asString()).isEqualTo("v");
            assertThat(s.get("/api/profiles/" + TestServer.enc(user) + "/events").json().get("events").size()).isEqualTo(1);
        }
        for (String path : List.of("/api/profiles/..%2F..%2Fetc%2Fpasswd", "/api/profiles/%2e%2e/%2e%2e/etc/passwd",
                "/api/segments/..%2F..%2F", "/api/segments/x'%20OR%20'1'='1", "/api/profiles/y%27%20OR%20%271%27%3D%271/events")) {
            Response r = s.send("GET", path, TestServer.bearer(TestServer.ADMIN), null, null);
            assertThat(r.status()).as(path + " -> " + r).isBetween(400, 404);
            assertThat(r.body()).doesNotContain("root:");
        }
        Response longId = s.ingest("identify", "{\"userId\":\"" + "u".repeat(10_000) + "\"}");
        assertThat(longId.status()).isEqualTo(400);
        assertThat(s.get("/api/audit/verify").json().get("brokenAt").asLong()).isEqualTo(-1);
    }

    @Test
    void hostileWebhookUrlsAndTokenNamesAreRefusedOrKeptAsText() {
        for (String url : List.of("file:///etc/passwd", "javascript:alert(1)", "http://", "not a url", "ftp://127.0.0.1/")) {
            Response r = s.api("POST", "/api/webhooks", Role.ADMIN, "{\"url\":" + TestServer.JSON.writeValueAsString(url) + "}");
            assertThat(r.status()).as(url + " -> " + r).isEqualTo(400);
        }
        Response t = s.api("POST", "/api/tokens", Role.ADMIN, "{\"name\":\"'; DROP TABLE tokens; --\",\"role\":\"analyst\"}");
        assertThat(t.status()).isEqualTo(201);
        assertThat(s.send("GET", "/api/segments", TestServer.bearer(t.json().get("token").asString()), null, null).status()).isEqualTo(200);
        assertThat(s.api("POST", "/api/tokens", Role.ADMIN, "{\"name\":\"x\",\"role\":\"root\"}").status()).isEqualTo(400);
        assertThat(s.get("/api/tokens").json().get("tokens").toString()).contains("DROP TABLE tokens");
        assertThat(s.ingest("track", Messages.track("inj-check", "E", "inj-check-1", Instant.now())).status()).isEqualTo(200);
    }
}
