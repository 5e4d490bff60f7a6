package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a client sends, the answer is a 4xx with a reason, never a 500. */
class JunkInputTest {
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

    static List<byte[]> junk() {
        List<String> texts = new ArrayList<>(List.of("", " ", "null", "true", "0", "\"str\"", "[]", "{", "}", "{}", "{\"batch\":{}}",
                "{\"batch\":null}", "{\"batch\":[null,1,\"x\",[]]}", "{\"type\":1,\"userId\":{},\"event\":[]}",
                "{\"userId\":\"u\",\"traits\":[]}", "{\"userId\":\"u\",\"timestamp\":12}", "{\"userId\":\"u\",\"timestamp\":\"2026-13-45T99:00:00Z\"}",
                "{\"userId\":1e999999}", "{\"userId\":\"u\",\"traits\":{\"n\":1" + "0".repeat(5000) + "}}",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "[".repeat(100_000),
                "{\"name\":\"x\",\"definition\":" + "\"(".repeat(1) + "(".repeat(20_000) + "\"}",
                "{\"definition\":\"" + "not ".repeat(10_000) + "x = 1\"}", "{\"name\":null,\"definition\":null,\"kind\":7}",
                "{\"name\":\"n\",\"definition\":\"x =\",\"kind\":\"sometimes\"}", "\u0000\u0001", "{\"batch\":[{}]}"));
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) out.add(t.getBytes(StandardCharsets.UTF_8));
        out.add(new byte[]{(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, (byte) 0xFE});
        out.add("{\"userId\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[r.nextInt(1, 400)];
            for (int j = 0; j < b.length; j++) b[j] = (byte) r.nextInt(256);
            out.add(b);
        }
        return out;
    }

    @Test
    void junkBodiesGetClientErrorsOnEveryEndpointThatTakesABody() {
        String[][] endpoints = {
                {"POST", "/v1/track"}, {"POST", "/v1/identify"}, {"POST", "/v1/batch"},
                {"POST", "/api/segments"}, {"POST", "/api/segments/preview"}, {"POST", "/api/tokens"}, {"POST", "/api/webhooks"},
        };
        for (String[] e : endpoints) {
            String auth = e[1].startsWith("/v1/") ? TestServer.basic(TestServer.WRITE_KEY) : TestServer.bearer(TestServer.ADMIN);
            for (byte[] body : junk()) {
                for (String type : new String[]{"application/json", "text/plain", "application/x-www-form-urlencoded"}) {
                    Response r = s.sendBytes(e[0], e[1], auth, type, body);
                    assertThat(r.status()).as(e[1] + " " + type + " " + new String(body, 0, Math.min(60, body.length), StandardCharsets.UTF_8) + " -> " + r)
                            .isBetween(400, 499);
                    assertThat(r.body()).contains("\"error\"");
                }
            }
        }
    }

    @Test
    void junkInPathsQueriesAndHeadersGetsClientErrors() {
        String[] paths = {"/api/segments/%00", "/api/segments/x/members?limit=-1", "/api/segments/x/members?limit=abc",
                "/api/segments/x/changes?since=yesterday", "/api/audit?after=zz", "/api/profiles/%25%25/events?limit=999999999999",
                "/api/nothing-here", "/api/segments/" + "x".repeat(5000), "/api/audit?since=" + "9".repeat(40)};
        for (String p : paths) {
            Response r = s.send("GET", p, TestServer.bearer(TestServer.ADMIN), null, null);
            assertThat(r.status()).as(p.substring(0, Math.min(80, p.length())) + " -> " + r).isBetween(400, 499);
        }
        for (String auth : new String[]{"Bearer", "Bearer ", "Bearer " + "x".repeat(4_000), "Basic", "Digest abc"}) {
            assertThat(s.send("GET", "/api/segments", auth, null, null).status()).as(auth.substring(0, Math.min(20, auth.length()))).isEqualTo(401);
        }
        assertThat(s.send("PATCH", "/api/segments", TestServer.bearer(TestServer.ADMIN), "application/json", "{}").status()).isEqualTo(405);
        assertThat(s.api("GET", "/api/segments", Role.ADMIN).status()).isEqualTo(200);
    }
}
