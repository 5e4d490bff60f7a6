package dev.strata.server;

import static dev.strata.server.security.Role.ADMIN;
import static dev.strata.server.security.Role.ANALYST;
import static dev.strata.server.security.Role.EDITOR;
import static dev.strata.server.security.Role.INGEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every management endpoint against every role: no credentials is 401, a role not allowed is 403,
 * an allowed role gets past access control (whatever the endpoint then answers). The table is
 * checked against the generated OpenAPI document, so a new endpoint cannot be left out.
 */
class SecurityMatrixTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String segment;
    static String user = "sec-user";

    record Case(String method, String path, String contentType, String body, Set<Role> allowed) {
    }

    static final Set<Role> ALL_READERS = EnumSet.of(ADMIN, EDITOR, ANALYST);
    static final Set<Role> EDITORS = EnumSet.of(ADMIN, EDITOR);
    static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        s.ingest("track", Messages.track(user, "Login", "sec-1", Instant.now()));
        segment = s.createSegment("Logged in (security)", "did \"Login\"");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** One profile row (the same each time, so later imports are duplicates). */
    private static String csvUpload() {
        return "--sec\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n"
                + "{\"type\": \"identify\", \"userId\": \"id\", \"traits\": {\"plan\": \"plan\"}}\r\n"
                + "--sec\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sec.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "id,plan\nsec-csv-user,medicare\n\r\n--sec--\r\n";
    }

    /** Destructive calls aim at ids that do not exist, so an allowed role gets a 404 and nothing changes. */
    static List<Case> cases() {
        String seg = "/api/segments/" + segment;
        String json = "application/json";
        return List.of(
                new Case("GET", "/api/session", null, null, EnumSet.allOf(Role.class)),
                new Case("GET", "/api/segments", null, null, ALL_READERS),
                new Case("POST", "/api/segments", json, "{\"name\":\"sec " + System.nanoTime() + "\",\"definition\":\"x = 1\"}", EDITORS),
                new Case("POST", "/api/segments/preview", json, "{\"definition\":\"did \\\"Login\\\"\"}", ALL_READERS),
                new Case("GET", seg, null, null, ALL_READERS),
                new Case("PUT", "/api/segments/seg_missing", json, "{\"name\":\"n\"}", EDITORS),
                new Case("DELETE", "/api/segments/seg_missing", null, null, EDITORS),
                new Case("POST", "/api/segments/seg_missing/refresh", null, null, EDITORS),
                new Case("PUT", "/api/segments/seg_missing/members", "text/csv", "userId\nx\n", EDITORS),
                new Case("GET", seg + "/members", null, null, EDITORS),
                new Case("GET", seg + "/explain/" + user, null, null, EDITORS),
                new Case("GET", seg + "/changes", null, null, EDITORS),
                new Case("GET", "/api/segments/seg_missing/changes/stream", null, null, EDITORS),
                new Case("GET", seg + "/stats", null, null, ALL_READERS),
                new Case("GET", "/api/profiles/" + user, null, null, EDITORS),
                new Case("GET", "/api/profiles/" + user + "/events", null, null, EDITORS),
                new Case("GET", "/api/profiles/" + user + "/changes", null, null, EDITORS),
                new Case("DELETE", "/api/profiles/nobody-at-all", null, null, ADMINS),
                new Case("GET", "/api/tokens", null, null, ADMINS),
                new Case("POST", "/api/tokens", json, "{\"name\":\"t\",\"role\":\"analyst\"}", ADMINS),
                new Case("DELETE", "/api/tokens/tok_missing", null, null, ADMINS),
                new Case("GET", "/api/webhooks", null, null, ADMINS),
                new Case("POST", "/api/webhooks", json, "{\"url\":\"http://127.0.0.1:9/\",\"segmentId\":\"seg_missing\"}", ADMINS),
                new Case("DELETE", "/api/webhooks/wh_missing", null, null, ADMINS),
                new Case("GET", "/api/webhooks/dead-letters", null, null, ADMINS),
                new Case("GET", "/api/audit", null, null, ADMINS),
                new Case("GET", "/api/audit/verify", null, null, ADMINS),
                new Case("GET", "/api/stats", null, null, ALL_READERS),
                new Case("POST", "/api/language/parse", json, "{\"text\":\"did \\\"Login\\\"\"}", ALL_READERS),
                new Case("POST", "/api/language/print", json, "{\"tree\":{\"type\":\"true\"}}", ALL_READERS),
                new Case("GET", "/api/schema", null, null, ALL_READERS),
                new Case("POST", "/api/segments/estimate", json, "{\"definition\":\"did \\\"Login\\\"\"}", ALL_READERS),
                new Case("GET", seg + "/history", null, null, ALL_READERS),
                new Case("POST", "/api/analytics/breakdown", json, "{\"definition\":\"true\",\"by\":\"age_band\"}", ALL_READERS),
                new Case("POST", "/api/analytics/activity", json, "{\"definition\":\"true\",\"event\":\"Login\",\"days\":7}", ALL_READERS),
                new Case("POST", "/api/analytics/overlap", json, "{\"definition\":\"true\"}", ALL_READERS),
                new Case("POST", "/api/analytics/members", json, "{\"definition\":\"true\"}", EDITORS),
                new Case("POST", "/api/analytics/explain", json, "{\"definition\":\"true\",\"userId\":\"" + user + "\"}", EDITORS),
                new Case("GET", seg + "/members.csv", null, null, EDITORS),
                new Case("POST", "/api/analytics/members.csv", json, "{\"definition\":\"true\"}", EDITORS),
                new Case("GET", "/api/scorecard", null, null, ALL_READERS),
                new Case("POST", "/api/scorecard", json, "{\"weights\":{\"reach\":1}}", ALL_READERS),
                new Case("GET", seg + "/scorecard", null, null, ALL_READERS),
                new Case("POST", "/api/templates/consumer-segments", null, null, EDITORS),
                new Case("POST", "/api/personas/discover", json, "{\"kMax\":2,\"save\":false}", EDITORS),
                new Case("POST", "/api/import/csv", "multipart/form-data; boundary=sec", csvUpload(), EDITORS),
                new Case("POST", "/api/import/fhir", "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", EDITORS));
    }

    @Test
    void everyEndpointAgainstEveryRole() {
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            Response anonymous = s.send(c.method(), c.path(), null, c.contentType(), c.body());
            if (anonymous.status() != 401) failures.add(c.method() + " " + c.path() + " without a token: " + anonymous);
            Response forged = s.send(c.method(), c.path(), TestServer.bearer("st_forged"), c.contentType(), c.body());
            if (forged.status() != 401) failures.add(c.method() + " " + c.path() + " with a forged token: " + forged);
            for (Role role : Role.values()) {
                Response r = s.send(c.method(), c.path(), TestServer.bearer(s.token(role)), c.contentType(), c.body());
                boolean allowed = c.allowed().contains(role);
                boolean passed = r.status() != 401 && r.status() != 403 && r.status() < 500;
                if (allowed != passed || (!allowed && r.status() != 403)) {
                    failures.add(c.method() + " " + c.path() + " as " + role.wireName() + ": expected "
                            + (allowed ? "access" : "403") + ", got " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theIngestRoleAndWriteKeyOnlyWriteMessages() {
        assertThat(s.send("GET", "/api/segments", TestServer.bearer(TestServer.WRITE_KEY), null, null).status()).isEqualTo(403);
        assertThat(s.send("POST", "/v1/track", TestServer.basic(s.token(EDITOR)), "application/json",
                Messages.track("x", "E", "sec-e", Instant.now())).status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        Response created = s.api("POST", "/api/tokens", ADMIN, "{\"name\":\"short-lived\",\"role\":\"editor\"}");
        String secret = created.json().get("token").asString();
        String id = created.json().get("id").asString();
        assertThat(s.send("GET", "/api/segments", TestServer.bearer(secret), null, null).status()).isEqualTo(200);
        assertThat(s.api("DELETE", "/api/tokens/" + id, ADMIN).status()).isEqualTo(204);
        assertThat(s.send("GET", "/api/segments", TestServer.bearer(secret), null, null).status()).isEqualTo(401);
        JsonNode listed = s.get("/api/tokens").json().get("tokens");
        assertThat(listed.toString()).doesNotContain(secret).contains("short-lived");
    }

    @Test
    void theTableCoversEveryEndpointOfTheOpenApiDocument() {
        JsonNode doc = s.send("GET", "/openapi.json", null, null, null).json();
        Set<String> documented = new TreeSet<>();
        Iterator<String> paths = doc.get("paths").propertyNames().iterator();
        while (paths.hasNext()) {
            String p = paths.next();
            if (!p.startsWith("/api")) continue;
            Iterator<String> methods = doc.get("paths").get(p).propertyNames().iterator();
            while (methods.hasNext()) documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + p.replaceAll("\\{[^}]+}", "*"));
        }
        Set<String> tested = new TreeSet<>();
        for (Case c : cases()) {
            String p = c.path().replace(segment, "*").replace("seg_missing", "*").replace(user, "*").replace("nobody-at-all", "*")
                    .replace("tok_missing", "*").replace("wh_missing", "*");
            tested.add(c.method() + " " + p);
        }
        assertThat(documented).isNotEmpty();
        assertThat(tested).containsAll(documented);
    }
}
