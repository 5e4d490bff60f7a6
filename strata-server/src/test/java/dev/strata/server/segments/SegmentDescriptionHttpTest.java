package dev.strata.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A segment's description through the API: created, read, listed, changed, kept, removed and refused. */
class SegmentDescriptionHttpTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
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

    static String body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return JSON.writeValueAsString(m);
    }

    static JsonNode listed(String id) {
        for (JsonNode row : s.api("GET", "/api/segments", Role.ANALYST).json().get("segments")) {
            if (row.get("id").asString().equals(id)) return row;
        }
        throw new AssertionError("segment " + id + " is not in the list");
    }

    @Test
    void aDescriptionIsStoredShownListedChangedKeptAndRemoved() {
        String text = "Diabetics on a statin.\nSecond line: «quoted», 血糖.";
        Response created = s.api("POST", "/api/segments", Role.EDITOR,
                body("name", "Described", "definition", "diabetes = true", "description", "  " + text + "\n"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("description").asString()).isEqualTo(text);
        assertThat(s.api("GET", "/api/segments/" + id, Role.ANALYST).json().get("description").asString()).isEqualTo(text);
        assertThat(listed(id).get("description").asString()).isEqualTo(text);

        // an update without the field keeps it; with it, replaces it; an empty one removes it
        Response renamed = s.api("PUT", "/api/segments/" + id, Role.EDITOR, body("name", "Described and renamed"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("description").asString()).isEqualTo(text);
        Response changed = s.api("PUT", "/api/segments/" + id, Role.EDITOR, body("description", "Now simpler."));
        assertThat(changed.json().get("description").asString()).isEqualTo("Now simpler.");
        assertThat(changed.json().get("definition").asString()).isEqualTo("diabetes = true");
        assertThat(s.get("/api/segments/" + id).json().get("description").asString()).isEqualTo("Now simpler.");
        Response removed = s.api("PUT", "/api/segments/" + id, Role.ADMIN, body("description", ""));
        assertThat(removed.json().get("description").isNull()).as(removed.toString()).isTrue();
        assertThat(listed(id).get("description").isNull()).isTrue();
    }

    @Test
    void aSegmentWithoutADescriptionShowsNull() {
        String id = s.createSegment("Undescribed", "copd = true");
        assertThat(s.get("/api/segments/" + id).json().get("description").isNull()).isTrue();
        assertThat(listed(id).has("description")).isTrue();
    }

    @Test
    void aTooLongOrNonPlainDescriptionIsRefusedWithTheReasonAndNothingIsSaved() {
        String tooLong = "x".repeat(Descriptions.MAX_LENGTH + 1);
        Response longOne = s.api("POST", "/api/segments", Role.EDITOR, body("name", "Long", "definition", "copd = true", "description", tooLong));
        assertThat(longOne.status()).isEqualTo(400);
        assertThat(longOne.json().get("error").asString())
                .isEqualTo("\"description\" is " + (Descriptions.MAX_LENGTH + 1) + " characters long; the limit is " + Descriptions.MAX_LENGTH);
        assertThat(s.api("GET", "/api/segments", Role.ADMIN).body()).doesNotContain("\"Long\"");
        Response exact = s.api("POST", "/api/segments", Role.EDITOR,
                body("name", "Exactly long", "definition", "copd = true", "description", "y".repeat(Descriptions.MAX_LENGTH)));
        assertThat(exact.status()).as(exact.toString()).isEqualTo(201);

        String id = s.createSegment("Kept description", "asthma = true");
        s.api("PUT", "/api/segments/" + id, Role.EDITOR, body("description", "Before"));
        Response control = s.api("PUT", "/api/segments/" + id, Role.EDITOR, body("name", "Renamed?", "description", "bell\u0007"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.json().get("error").asString()).contains("\"description\"").contains("U+0007").contains("position 5");
        JsonNode after = s.get("/api/segments/" + id).json();
        assertThat(after.get("description").asString()).isEqualTo("Before");
        assertThat(after.get("name").asString()).isEqualTo("Kept description");
        assertThat(s.api("PUT", "/api/segments/" + id, Role.ANALYST, body("description", "no")).status()).isEqualTo(403);
    }
}
