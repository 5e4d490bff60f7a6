package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/segments/estimate: exact at this size, equal to the preview, with the small-cell rule and errors at their
 * position; with no time budget, a sampled answer whose interval holds the exact count.
 */
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

    @Test
    void aBudgetOutsideZeroTo150MsIsRefused() {
        Response r = s.api("POST", "/api/segments/estimate", Role.EDITOR, "{\"definition\":\"gender = \\\"female\\\"\",\"budgetMs\":151}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).isEqualTo("\"budgetMs\" must be 0..150, got 151");
        assertThat(s.api("POST", "/api/segments/estimate", Role.EDITOR, "{\"definition\":\"gender = \\\"female\\\"\",\"budgetMs\":-1}").status())
                .isEqualTo(400);
    }

    /** Enough people (4,000) for the 1-in-64 sample to hold about 60 of them. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithoutABudget {
        TestServer big;
        final Cohort many = new Cohort(4_000, 23);

        @BeforeAll
        void start(@TempDir Path bigDir) {
            big = Cohort.serve(bigDir, many);
        }

        @AfterAll
        void stop() {
            big.close();
        }

        @Test
        void theAnswerIsSampledAndItsIntervalHoldsTheExactCount() {
            String[] definitions = {"gender = \"female\"", "plan = \"medicare\" or address.state = \"NY\"", "did \"App Open\" within 20d"};
            for (String d : definitions) {
                String sampledBody = "{\"definition\":" + Cohort.JSON.writeValueAsString(d) + ",\"budgetMs\":0}";
                JsonNode e = big.api("POST", "/api/segments/estimate", Role.EDITOR, sampledBody).json();
                JsonNode exact = big.api("POST", "/api/segments/estimate", Role.EDITOR, body(d)).json();
                long truth = big.api("POST", "/api/segments/preview", Role.EDITOR, body(d)).json().get("size").asLong();

                assertThat(exact.get("exact").asBoolean()).as(d).isTrue();
                assertThat(exact.get("size").asLong()).as(d).isEqualTo(truth);
                assertThat(e.get("exact").asBoolean()).as(d).isFalse();
                long low = e.get("low").asLong();
                long high = e.get("high").asLong();
                assertThat(e.get("size").asLong()).as(d).isBetween(low, high);
                assertThat(truth).as(d + ": " + e).isBetween(low, high);
                assertThat(high - low).as(d + ": a sample, not the whole").isPositive().isLessThan(many.people.size());
                // the sample is fixed per profile: asking again gives the same answer
                JsonNode again = big.api("POST", "/api/segments/estimate", Role.EDITOR, sampledBody).json();
                assertThat(again.get("size").asLong()).isEqualTo(e.get("size").asLong());
                assertThat(again.get("low").asLong()).isEqualTo(low);
            }
        }
    }
}
