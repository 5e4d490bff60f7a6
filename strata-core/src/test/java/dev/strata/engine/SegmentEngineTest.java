package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.ingest.MessageParser;
import dev.strata.ingest.Timestamps;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Hand-computed answers on small populations, one rule of the spec at a time. */
class SegmentEngineTest {
    private static final String T = "2025-06-01T00:00:00Z";

    private static Population load(String... lines) throws Exception {
        PopulationBuilder b = new PopulationBuilder(Timestamps.parse(T));
        for (String line : lines) b.accept(MessageParser.parse(line, Timestamps.parse(T)));
        return b.build();
    }

    private static TreeSet<String> members(Population p, String definition) {
        return members(p, definition, Map.of());
    }

    private static TreeSet<String> members(Population p, String definition, Map<String, Condition> segments) {
        SegmentEngine e = new SegmentEngine(p);
        Condition c = SegmentParser.parse(definition);
        RoaringBitmap bits = e.evaluate(c, segments);
        TreeSet<String> out = new TreeSet<>();
        bits.forEach((int id) -> out.add(p.userId(id)));
        TreeSet<String> oneByOne = new TreeSet<>();
        for (int u = 0; u < p.size(); u++) if (e.test(u, c, segments)) oneByOne.add(p.userId(u));
        assertThat(oneByOne).as("per-user evaluation agrees with bitmap evaluation").isEqualTo(out);
        return out;
    }

    private static String identify(String user, String ts, String traits) {
        return "{\"type\":\"identify\",\"userId\":\"" + user + "\",\"timestamp\":\"" + ts + "\",\"traits\":" + traits + "}";
    }

    private static String track(String user, String ts, String event, String props, String messageId) {
        return "{\"type\":\"track\",\"userId\":\"" + user + "\",\"timestamp\":\"" + ts + "\",\"event\":\"" + event
                + "\",\"properties\":" + props + (messageId == null ? "" : ",\"messageId\":\"" + messageId + "\"") + "}";
    }

    @Test
    void latestIdentifyWinsPerKeyAndNullRemoves() throws Exception {
        Population p = load(
                identify("a", "2025-01-01T00:00:00Z", "{\"state\":\"CA\",\"plan\":\"medicare\"}"),
                identify("a", "2024-01-01T00:00:00Z", "{\"state\":\"OR\"}"), // older: ignored for state
                identify("a", "2025-02-01T00:00:00Z", "{\"plan\":null}"),
                identify("b", "2025-01-01T00:00:00Z", "{\"state\":\"OR\"}"),
                identify("b", "2025-01-01T00:00:00Z", "{\"state\":\"WA\"}")); // tie: later read wins
        assertThat(members(p, "state = \"CA\"")).containsExactly("a");
        assertThat(members(p, "state = \"WA\"")).containsExactly("b");
        assertThat(members(p, "plan is null")).containsExactly("a", "b");
        assertThat(members(p, "not (state = \"CA\")")).containsExactly("b");
    }

    @Test
    void nestedObjectIsReplacedWhole() throws Exception {
        Population p = load(
                identify("a", "2025-01-01T00:00:00Z", "{\"address\":{\"state\":\"CA\",\"city\":\"LA\"}}"),
                identify("a", "2025-02-01T00:00:00Z", "{\"address\":{\"state\":\"OR\"}}"));
        assertThat(members(p, "address.state = \"OR\"")).containsExactly("a");
        assertThat(members(p, "address.city is null")).containsExactly("a");
    }

    @Test
    void twoValuedLogicOnMissingAndWrongTypes() throws Exception {
        Population p = load(
                identify("a", "2025-01-01T00:00:00Z", "{\"age\":70}"),
                identify("b", "2025-01-01T00:00:00Z", "{\"age\":\"70\"}"),
                identify("c", "2025-01-01T00:00:00Z", "{}"));
        assertThat(members(p, "age != 5")).containsExactly("a");
        assertThat(members(p, "age >= 65")).containsExactly("a");
        assertThat(members(p, "age = \"70\"")).containsExactly("b");
        assertThat(members(p, "age not in (1, 2)")).containsExactly("a");
        assertThat(members(p, "not age >= 65")).containsExactly("b", "c");
        assertThat(members(p, "age between 60 and 70")).containsExactly("a");
    }

    @Test
    void duplicatesAndMessagesAfterTheInstant() throws Exception {
        Population p = load(
                track("a", "2025-05-01T00:00:00Z", "App Open", "{}", "m1"),
                track("a", "2025-05-02T00:00:00Z", "App Open", "{}", "m1"), // duplicate: dropped
                track("a", "2025-07-01T00:00:00Z", "App Open", "{}", "m2"), // after T
                track("z", "2025-07-01T00:00:00Z", "App Open", "{}", "m3")); // unknown at T
        assertThat(p.size()).isEqualTo(1);
        assertThat(members(p, "count(\"App Open\") = 1")).containsExactly("a");
    }

    @Test
    void windowsHaveTheSpecsBounds() throws Exception {
        Population p = load(
                track("exactly30", "2025-05-02T00:00:00Z", "Visit", "{}", null),
                track("inside", "2025-05-02T00:00:00.001Z", "Visit", "{}", null),
                track("atT", T, "Visit", "{}", null));
        assertThat(members(p, "did Visit within 30d")).containsExactly("atT", "inside");
        assertThat(members(p, "did Visit between 31d ago and 30d ago")).containsExactly("exactly30");
        assertThat(members(p, "did Visit from 2025-05-02 to 2025-05-02T00:00:00.001Z")).containsExactly("exactly30");
        assertThat(members(p, "not did Visit within 30d")).containsExactly("exactly30");
    }

    @Test
    void countsAndAggregates() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(track("a", "2025-05-01T00:00:00Z", "Steps", "{\"steps\":6000}", null));
        lines.add(track("a", "2025-05-30T00:00:00Z", "Steps", "{\"steps\":4000}", null));
        lines.add(track("a", "2025-05-30T00:00:00Z", "Steps", "{\"steps\":\"many\"}", null));
        lines.add(track("b", "2025-05-30T00:00:00Z", "Other", "{}", null));
        Population p = load(lines.toArray(String[]::new));
        assertThat(members(p, "sum(\"Steps\".steps) >= 10000")).containsExactly("a");
        assertThat(members(p, "sum(\"Steps\".steps within 7d) >= 0")).containsExactly("a", "b");
        assertThat(members(p, "avg(\"Steps\".steps) = 5000")).containsExactly("a");
        assertThat(members(p, "min(\"Steps\".steps) < 1000000")).containsExactly("a");
        assertThat(members(p, "count(Steps where steps > 5000) = 1")).containsExactly("a");
        assertThat(members(p, "count(Steps) < 1")).containsExactly("b");
    }

    @Test
    void ageNearAndContext() throws Exception {
        Population p = load(
                "{\"type\":\"identify\",\"userId\":\"old\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"birthday\":\"1960-06-01\",\"address\":{\"latitude\":34.05,\"longitude\":-118.24}},\"context\":{\"os\":{\"name\":\"iOS\"}}}",
                "{\"type\":\"identify\",\"userId\":\"young\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"birthday\":\"1960-06-02\",\"address\":{\"latitude\":45.52,\"longitude\":-122.68}}}",
                "{\"type\":\"track\",\"userId\":\"young\",\"event\":\"App Open\",\"timestamp\":\"2025-02-01T00:00:00Z\",\"context\":{\"os\":{\"name\":\"Android\"}}}");
        assertThat(members(p, "age(birthday) >= 65")).containsExactly("old");
        assertThat(members(p, "age(birthday) = 64")).containsExactly("young");
        assertThat(members(p, "near(address, 34.05, -118.24, 25 km)")).containsExactly("old");
        assertThat(members(p, "context.os.name = \"Android\"")).containsExactly("young");
    }

    @Test
    void segmentReferencesAndCycles() throws Exception {
        Population p = load(identify("a", "2025-01-01T00:00:00Z", "{\"x\":1}"), identify("b", "2025-01-01T00:00:00Z", "{\"x\":2}"));
        Map<String, Condition> segs = Map.of("ones", SegmentParser.parse("x = 1"));
        assertThat(members(p, "not in segment \"ones\"", segs)).containsExactly("b");
        Map<String, Condition> cyclic = Map.of("a", SegmentParser.parse("in segment \"b\""), "b", SegmentParser.parse("in segment \"a\""));
        assertThatThrownBy(() -> new SegmentEngine(p).evaluate(SegmentParser.parse("in segment \"a\""), cyclic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }
}
