package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Breakdowns, overlaps and activity against previews of the equivalent definitions and against the cohort's own data. */
class AnalyticsHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Cohort cohort = new Cohort(240, 23);
    static String californians;
    static String diabetics;

    @BeforeAll
    static void start() {
        s = Cohort.serve(dir, cohort);
        californians = s.createSegment("Californians", "address.state = \"CA\"");
        diabetics = s.createSegment("Diabetics", "diabetes = true");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String json(Object o) {
        return Cohort.JSON.writeValueAsString(o);
    }

    static long preview(String definition) {
        Response r = s.api("POST", "/api/segments/preview", Role.EDITOR, "{\"definition\":" + json(definition) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("size").asLong();
    }

    static JsonNode breakdown(Role role, String base, String by, int limit) {
        Response r = s.api("POST", "/api/analytics/breakdown", role, "{\"definition\":" + json(base) + ",\"by\":" + json(by) + ",\"limit\":" + limit + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void everyBucketCountsWhatItsConditionSelectsWithinTheBaseAndTheyAddUpToTheTotal() {
        String base = "did \"App Open\"";
        String[] dimensions = {"gender", "address.state", "age_band", "income_band", "diabetes", "plan", "context.device.type", "birthday",
            "address.latitude"};
        for (String by : dimensions) {
            JsonNode b = breakdown(Role.EDITOR, base, by, 20);
            long total = b.get("total").asLong();
            assertThat(total).isEqualTo(preview(base));
            long sum = b.get("missingCount").asLong();
            assertThat(b.get("buckets").size()).as(by).isGreaterThan(1);
            for (JsonNode bucket : b.get("buckets")) {
                String condition = bucket.get("condition").asString();
                assertThat(bucket.get("count").asLong()).as(by + ": " + condition)
                        .isEqualTo(preview("(" + base + ") and (" + condition + ")"));
                sum += bucket.get("count").asLong();
            }
            assertThat(sum).as(by).isEqualTo(total);
        }
    }

    @Test
    void genderCountsMatchTheCohort() {
        JsonNode b = breakdown(Role.ADMIN, "did \"App Open\"", "gender", 20);
        Map<String, Long> expected = Cohort.counts(cohort.people.stream().filter(p -> !p.appOpens().isEmpty()).map(Cohort.Person::gender).toList());
        Map<String, Long> actual = new HashMap<>();
        for (JsonNode bucket : b.get("buckets")) actual.put(bucket.get("label").asString(), bucket.get("count").asLong());
        assertThat(actual).isEqualTo(expected);
        assertThat(b.get("missingCount").asLong()).isZero();
        long[] previous = {Long.MAX_VALUE};
        b.get("buckets").forEach(x -> {
            assertThat(x.get("count").asLong()).isLessThanOrEqualTo(previous[0]);
            previous[0] = x.get("count").asLong();
        });
    }

    @Test
    void theLongTailIsOneOtherBucket() {
        JsonNode b = breakdown(Role.EDITOR, "true", "address.state", 2);
        assertThat(b.get("buckets").size()).isEqualTo(3);
        JsonNode other = b.get("buckets").get(2);
        assertThat(other.get("label").asString()).isEqualTo("other");
        assertThat(other.get("condition").asString()).startsWith("address.state not in (");
        long others = cohort.people.size() - b.get("buckets").get(0).get("count").asLong() - b.get("buckets").get(1).get("count").asLong();
        assertThat(other.get("count").asLong()).isEqualTo(others);
        assertThat(b.get("missingCount").asLong()).isZero();
    }

    @Test
    void anAnalystSeesNoSmallCountAndNoCountThatGivesOneAway() {
        String[] bases = {"address.state = \"WY\" or gender = \"nonbinary\"", "address.state = \"CA\"", "plan = \"uninsured\""};
        for (String base : bases) {
            for (String by : List.of("gender", "plan", "age_band", "income_band")) {
                JsonNode b = breakdown(Role.ANALYST, base, by, 20);
                int notShown = 0;
                List<JsonNode> cells = new java.util.ArrayList<>();
                b.get("buckets").forEach(x -> cells.add(x.get("count")));
                cells.add(b.get("missingCount"));
                cells.add(b.get("total"));
                for (JsonNode c : cells) {
                    if (c.isNumber()) assertThat(c.asLong() == 0 || c.asLong() > 10).as(base + " by " + by + ": " + b).isTrue();
                    else notShown++;
                }
                assertThat(notShown).as(base + " by " + by + ": " + b).isNotEqualTo(1);
            }
        }
        JsonNode editor = breakdown(Role.EDITOR, "address.state = \"WY\" or gender = \"nonbinary\"", "gender", 20);
        assertThat(editor.toString()).doesNotContain("<11").doesNotContain("hidden");
    }

    @Test
    void aBreakdownNeedsAFieldOfValues() {
        Response object = s.api("POST", "/api/analytics/breakdown", Role.ANALYST, "{\"definition\":\"true\",\"by\":\"address\"}");
        assertThat(object.status()).isEqualTo(400);
        assertThat(object.json().get("error").asString()).contains("address");
        assertThat(s.api("POST", "/api/analytics/breakdown", Role.ANALYST, "{\"definition\":\"true\"}").status()).isEqualTo(400);
        Response bad = s.api("POST", "/api/analytics/breakdown", Role.ANALYST, "{\"definition\":\"gender =\",\"by\":\"gender\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().has("line")).isTrue();
        assertThat(s.api("POST", "/api/analytics/breakdown", Role.ANALYST, "{\"definition\":\"true\",\"by\":\"gender\",\"limit\":0}").status())
                .isEqualTo(400);
    }

    @Test
    void overlapsEqualPreviewsOfBothConditions() {
        String base = "did \"App Open\" within 30d";
        Response r = s.api("POST", "/api/analytics/overlap", Role.EDITOR,
                "{\"definition\":" + json(base) + ",\"segments\":[\"" + californians + "\",\"" + diabetics + "\"]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rows = r.json().get("rows");
        assertThat(rows.get(0).get("id").isNull()).isTrue();
        assertThat(rows.get(0).get("name").asString()).isEqualTo("This population");
        assertThat(rows.get(1).get("id").asString()).isEqualTo(californians);
        String[] conditions = {"(" + base + ")", "in segment \"Californians\"", "in segment \"Diabetics\""};
        JsonNode m = r.json().get("matrix");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(m.get(i).get(j).asLong()).as(i + "," + j).isEqualTo(preview(conditions[i] + " and " + conditions[j]));
            }
        }
        JsonNode all = s.api("POST", "/api/analytics/overlap", Role.ANALYST, "{}").json();
        assertThat(all.get("rows").size()).isEqualTo(2);
        assertThat(s.api("POST", "/api/analytics/overlap", Role.ANALYST, "{\"segments\":[\"seg_nope\"]}").status()).isEqualTo(404);
    }

    @Test
    void activityCountsTheCohortsEventsPerDay() {
        JsonNode a = s.api("POST", "/api/analytics/activity", Role.EDITOR,
                "{\"definition\":\"diabetes = true\",\"event\":\"App Open\",\"days\":45}").json();
        JsonNode days = a.get("days");
        assertThat(days.size()).isEqualTo(45);
        LocalDate today = Cohort.day(Instant.now());
        assertThat(days.get(44).get("day").asString()).isEqualTo(today.toString());
        Map<String, Long> mine = new HashMap<>();
        Map<String, Long> all = new HashMap<>();
        for (Cohort.Person p : cohort.people) {
            for (Instant t : p.appOpens()) {
                String day = Cohort.day(t).toString();
                all.merge(day, 1L, Long::sum);
                if (Boolean.TRUE.equals(p.diabetes())) mine.merge(day, 1L, Long::sum);
            }
        }
        long members = cohort.people.stream().filter(p -> Boolean.TRUE.equals(p.diabetes())).count();
        assertThat(a.get("members").asLong()).isEqualTo(members);
        assertThat(a.get("everyone").asLong()).isEqualTo(cohort.people.size());
        for (JsonNode d : days) {
            String day = d.get("day").asString();
            long m = mine.getOrDefault(day, 0L);
            long e = all.getOrDefault(day, 0L);
            assertThat(d.get("membersEvents").asLong()).as(day).isEqualTo(m);
            assertThat(d.get("everyoneEvents").asLong()).as(day).isEqualTo(e);
            assertThat(d.get("everyonePer1000").asDouble()).isCloseTo(e * 1000.0 / cohort.people.size(), org.assertj.core.data.Offset.offset(0.01));
        }
        JsonNode analyst = s.api("POST", "/api/analytics/activity", Role.ANALYST,
                "{\"definition\":\"diabetes = true\",\"event\":\"App Open\",\"days\":45}").json();
        for (JsonNode d : analyst.get("days")) {
            if (!d.get("membersEvents").isNumber()) {
                assertThat(d.get("membersEvents").asString()).isEqualTo("<11");
                assertThat(d.get("membersPer1000").isNull()).isTrue();
            } else {
                assertThat(d.get("membersEvents").asLong() == 0 || d.get("membersEvents").asLong() > 10).isTrue();
            }
        }
    }
}
