package dev.strata.server.analytics;

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

/** POST /api/segments/estimate: exact at this size, equal to the preview, with the small-cell rule and errors at their position. */
class EstimateHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Cohort cohort = new Cohort(120, 11);

    @BeforeAll
    static void start() {
        s = Cohort.serve(dir, cohort);
        s.createSegment("Texans", "address.state = \"TX\"");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String body(String definition) {
        return "{\"definition\":" + Cohort.JSON.writeValueAsString(definition) + "}";
    }

    @Test
    void aSmallPopulationIsEstimatedExactlyAsThePreviewCountsIt() {
        String[] definitions = {"gender = \"female\"", "in segment \"Texans\" and did \"App Open\" within 20d", "not did \"Medication Refill\""};
        for (String d : definitions) {
            JsonNode e = s.api("POST", "/api/segments/estimate", Role.EDITOR, body(d)).json();
            long preview = s.api("POST", "/api/segments/preview", Role.EDITOR, body(d)).json().get("size").asLong();
            assertThat(e.get("exact").asBoolean()).isTrue();
            assertThat(e.get("size").asLong()).as(d).isEqualTo(preview).isEqualTo(e.get("low").asLong()).isEqualTo(e.get("high").asLong());
            assertThat(e.get("tookMs").asLong()).isNotNegative();
        }
        long females = cohort.people.stream().filter(p -> p.gender().equals("female")).count();
        assertThat(s.api("POST", "/api/segments/estimate", Role.ADMIN, body("gender = \"female\"")).json().get("size").asLong()).isEqualTo(females);
    }

    @Test
    void anAnalystSeesASmallEstimateAsLessThanEleven() {
        long wy = cohort.people.stream().filter(p -> p.state().equals("WY")).count();
        assertThat(wy).isBetween(1L, 10L);
        JsonNode analyst = s.api("POST", "/api/segments/estimate", Role.ANALYST, body("address.state = \"WY\"")).json();
        assertThat(analyst.get("size").asString()).isEqualTo("<11");
        assertThat(analyst.get("low").asString()).isEqualTo("<11");
        assertThat(analyst.get("high").asString()).isEqualTo("<11");
        assertThat(s.api("POST", "/api/segments/estimate", Role.EDITOR, body("address.state = \"WY\"")).json().get("size").asLong()).isEqualTo(wy);
    }

    @Test
    void anInvalidDefinitionIsAnErrorAtItsPosition() {
        Response r = s.api("POST", "/api/segments/estimate", Role.ANALYST, body("gender = "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("line").asInt()).isEqualTo(1);
        assertThat(r.json().has("column")).isTrue();
        Response unknown = s.api("POST", "/api/segments/estimate", Role.ANALYST, body("in segment \"Nobody\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(s.api("POST", "/api/segments/estimate", Role.ANALYST, "{}").status()).isEqualTo(400);
    }
}
