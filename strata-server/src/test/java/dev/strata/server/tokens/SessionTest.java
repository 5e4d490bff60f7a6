package dev.strata.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** GET /api/session tells a token its own role, which the console uses to decide what to show. */
class SessionTest {
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
    void eachRoleLearnsItsRoleAndWhetherItSeesPersonalData() {
        for (Role role : Role.values()) {
            Response r = s.api("GET", "/api/session", role);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.get("role").asString()).isEqualTo(role.wireName());
            assertThat(j.get("canSeePersonal").asBoolean()).as(role.wireName())
                    .isEqualTo(role == Role.ADMIN || role == Role.EDITOR);
            assertThat(j.has("token")).isFalse();
        }
    }

    @Test
    void theNameIsTheTokensNameNeverItsSecret() {
        String secret = s.token(Role.ANALYST);
        Response r = s.api("GET", "/api/session", Role.ANALYST);
        assertThat(r.json().get("name").asString()).isEqualTo("test analyst");
        assertThat(r.body()).doesNotContain(secret);
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThat(s.send("GET", "/api/session", TestServer.bearer("st_nobody"), null, null).status()).isEqualTo(401);
        assertThat(s.send("GET", "/api/session", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void withoutTheConsoleTheRootStillLeadsToTheApiDocs() {
        Response r = s.send("GET", "/", null, null, null);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/docs");
    }
}
