package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Breakdowns by identifying fields (email, phone, ZIP) and value suggestions, as an analyst sees
 * them: no value held by fewer than 11 profiles may appear, as a label or inside a condition.
 */
class ContactPointPrivacyHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    /** 60 people: 30 in ZIP 02139, 4 in 94110, the other 26 in ZIPs of their own; 12 share a clinic phone. */
    static final int PEOPLE = 60;
    static final List<String> RARE = new ArrayList<>();

    static String email(int i) {
        return "person" + i + "@example.org";
    }

    static String zip(int i) {
        return i < 30 ? "02139" : i < 34 ? "94110" : String.format("%05d", 10_000 + i);
    }

    static String phone(int i) {
        return i < 12 ? "+15555550100" : "+1555555" + String.format("%04d", 1000 + i);
    }

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            ObjectNode m = Cohort.JSON.createObjectNode();
            m.put("type", "identify").put("userId", "cp-" + i).put("messageId", "cp-" + i).put("timestamp", Instant.now().minusSeconds(3600).toString());
            ObjectNode traits = m.putObject("traits");
            traits.put("email", email(i)).put("phone", phone(i)).put("tier", i % 3 == 0 ? "gold" : "silver");
            traits.putObject("address").put("zip", zip(i));
            traits.putObject("consent").put("email", i % 2 == 0);
            messages.add(m.toString());
            RARE.add(email(i));
            if (i >= 12) RARE.add(phone(i));
            if (i >= 30) RARE.add(zip(i));
        }
        Response r = s.ingest("batch", "{\"batch\":[" + String.join(",", messages) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode breakdown(Role role, String base, String by, int limit) {
        Response r = s.api("POST", "/api/analytics/breakdown", role, "{\"definition\":" + Cohort.JSON.writeValueAsString(base)
                + ",\"by\":\"" + by + "\",\"limit\":" + limit + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static long preview(String definition) {
        Response r = s.api("POST", "/api/segments/preview", Role.EDITOR, "{\"definition\":" + Cohort.JSON.writeValueAsString(definition) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("size").asLong();
    }

    static void assertNoRareValue(JsonNode answer) {
        String text = answer.toString();
        for (String v : RARE) assertThat(text).as("%s in %s", v, text).doesNotContain(v);
    }

    /** Cells shown as numbers are 0 or above 10, and the relation buckets + missing = total never has a single unknown. */
    static void assertSmallCellRules(JsonNode b) {
        List<JsonNode> cells = new ArrayList<>();
        b.get("buckets").forEach(x -> cells.add(x.get("count")));
        cells.add(b.get("missingCount"));
        cells.add(b.get("total"));
        int notShown = 0;
        for (JsonNode c : cells) {
            if (c.isNumber()) assertThat(c.asLong() == 0 || c.asLong() > 10).as(b.toString()).isTrue();
            else notShown++;
        }
        assertThat(notShown).as(b.toString()).isNotEqualTo(1);
    }

    @Test
    void anAnalystsBreakdownByEmailShowsNoAddress() {
        JsonNode b = breakdown(Role.ANALYST, "true", "email", 100);
        assertNoRareValue(b);
        assertThat(b.get("buckets")).singleElement().satisfies(bucket -> {
            assertThat(bucket.get("label").asString()).isEqualTo(BreakdownView.SMALL_VALUES);
            assertThat(bucket.get("count").asLong()).isEqualTo(PEOPLE);
            assertThat(preview(bucket.get("condition").asString())).as("the merged bucket selects its profiles").isEqualTo(PEOPLE);
        });
        assertSmallCellRules(b);
        JsonNode editor = breakdown(Role.EDITOR, "true", "email", 100);
        assertThat(editor.toString()).contains(email(7));
    }

    @Test
    void commonValuesKeepTheirLabelsAndRareOnesAreMergedEvenPastTheLimit() {
        for (int limit : new int[] {100, 5}) {
            JsonNode b = breakdown(Role.ANALYST, "true", "address.zip", limit);
            assertNoRareValue(b);
            JsonNode first = b.get("buckets").get(0);
            assertThat(first.get("label").asString()).isEqualTo("02139");
            assertThat(first.get("count").asLong()).isEqualTo(30);
            JsonNode merged = b.get("buckets").get(b.get("buckets").size() - 1);
            assertThat(merged.get("merged").asBoolean()).isTrue();
            assertThat(merged.get("label").asString()).isEqualTo(limit == 5 ? BreakdownView.OTHER_VALUES : BreakdownView.SMALL_VALUES);
            assertThat(merged.get("count").asLong()).isEqualTo(PEOPLE - 30);
            assertThat(preview(merged.get("condition").asString())).isEqualTo(PEOPLE - 30);
            assertThat(b.get("buckets")).hasSize(2);
            assertSmallCellRules(b);
        }
        assertThat(breakdown(Role.EDITOR, "true", "address.zip", 100).get("buckets")).hasSize(1 + 1 + 26);
    }

    @Test
    void aSmallMergedBucketIsSuppressedAndTheRelationStaysSafe() {
        // 30 in 02139, 4 in 94110, 3 alone: the merged bucket holds 7
        String base = "address.zip = \"02139\" or address.zip = \"94110\" or address.zip in (\"10034\", \"10035\", \"10036\")";
        JsonNode b = breakdown(Role.ANALYST, base, "address.zip", 100);
        assertNoRareValue(b);
        assertThat(b.toString()).doesNotContain("94110");
        JsonNode merged = b.get("buckets").get(b.get("buckets").size() - 1);
        assertThat(merged.get("count").asString()).isEqualTo("<11");
        assertSmallCellRules(b);
    }

    @Test
    void contactPointsAreNeverSuggestedEvenWhenShared() {
        for (Role role : new Role[] {Role.ANALYST, Role.ADMIN}) {
            JsonNode schema = s.api("GET", "/api/schema", role).json();
            JsonNode phone = SchemaHttpTest.field(schema.get("traits"), "phone");
            JsonNode email = SchemaHttpTest.field(schema.get("traits"), "email");
            assertThat(phone.has("values")).as("12 profiles share +15555550100, still not suggested").isFalse();
            assertThat(email.has("values")).isFalse();
            assertThat(schema.toString()).doesNotContain("+15555550100").doesNotContain("@example.org");
            assertThat(SchemaHttpTest.values(SchemaHttpTest.field(schema.get("traits"), "tier"))).containsKeys("gold", "silver");
        }
    }
}
