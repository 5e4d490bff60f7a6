package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** GET /api/schema against the counts of the generated cohort, half from the snapshot and half live. */
class SchemaHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Cohort cohort = new Cohort(160, 7);

    @BeforeAll
    static void start() {
        s = Cohort.serve(dir, cohort);
        s.createSegment("Californians", "address.state = \"CA\"");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode field(JsonNode list, String path) {
        for (JsonNode f : list) if (f.get("path").asString().equals(path)) return f;
        throw new AssertionError("no field " + path + " in " + list);
    }

    static Map<String, Long> values(JsonNode field) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode v : field.get("values")) out.put(v.get("value").asString(), v.get("count").asLong());
        return out;
    }

    @Test
    void traitsHaveTheirTypesAndTheirCommonValuesWithExactCounts() {
        JsonNode schema = s.api("GET", "/api/schema", Role.ANALYST).json();
        JsonNode traits = schema.get("traits");
        JsonNode gender = field(traits, "gender");
        assertThat(gender.get("type").asString()).isEqualTo("string");
        Map<String, Long> expected = Cohort.counts(cohort.people.stream().map(Cohort.Person::gender).toList());
        expected.values().removeIf(n -> n < 11); // rare values are never suggested
        assertThat(values(gender)).isEqualTo(expected).doesNotContainKey("nonbinary");
        long previous = Long.MAX_VALUE;
        for (JsonNode v : gender.get("values")) {
            assertThat(v.get("count").asLong()).isLessThanOrEqualTo(previous);
            previous = v.get("count").asLong();
        }
        assertThat(field(traits, "birthday").get("type").asString()).isEqualTo("date");
        assertThat(field(traits, "diabetes").get("type").asString()).isEqualTo("boolean");
        assertThat(field(traits, "address").get("type").asString()).isEqualTo("geo");
        assertThat(values(field(traits, "address.state"))).doesNotContainKey("WY").containsKey("CA");
        JsonNode income = field(traits, "income_band");
        assertThat(income.get("type").asString()).isEqualTo("number");
        int min = cohort.people.stream().filter(p -> p.incomeBand() != null).mapToInt(Cohort.Person::incomeBand).min().orElseThrow();
        int max = cohort.people.stream().filter(p -> p.incomeBand() != null).mapToInt(Cohort.Person::incomeBand).max().orElseThrow();
        assertThat(income.get("min").asDouble()).isEqualTo(min);
        assertThat(income.get("max").asDouble()).isEqualTo(max);
        assertThat(field(schema.get("context"), "context.device.type").get("type").asString()).isEqualTo("string");
        assertThat(schema.get("segments").get(0).get("name").asString()).isEqualTo("Californians");
    }

    @Test
    void eventsHaveTheirCountsAndProperties() {
        JsonNode events = s.api("GET", "/api/schema", Role.EDITOR).json().get("events");
        long opens = cohort.people.stream().mapToLong(p -> p.appOpens().size()).sum();
        long refills = cohort.people.stream().mapToLong(p -> p.refills().size()).sum();
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode e : events) byName.put(e.get("name").asString(), e);
        assertThat(byName.get("App Open").get("count").asLong()).isEqualTo(opens);
        assertThat(byName.get("Medication Refill").get("count").asLong()).isEqualTo(refills);
        JsonNode screen = field(byName.get("App Open").get("properties"), "screen");
        assertThat(screen.get("type").asString()).isEqualTo("string");
        assertThat(values(screen).keySet()).containsExactlyInAnyOrder(Cohort.SCREENS);
        JsonNode supply = field(byName.get("Medication Refill").get("properties"), "days_supply");
        assertThat(supply.get("type").asString()).isEqualTo("number");
        assertThat(supply.get("min").asDouble()).isEqualTo(30);
    }
}
