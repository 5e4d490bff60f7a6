package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import dev.strata.testing.ConformanceCase;
import dev.strata.testing.ConformanceCases;
import dev.strata.testing.MessageNdjson;
import dev.strata.testing.RecordFailingCases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The engine against the reference on thousands of random populations and definitions. A
 * failure prints the seed and the shrunk case (messages as NDJSON, the definition as text) and
 * is written under {@code src/test/resources/regressions}, where {@link RegressionCasesTest}
 * replays it from then on.
 */
@AddLifecycleHook(RecordFailingCases.class)
class EngineConformanceProperties {

    // No jqwik edge cases: the generators already aim at the edges (window bounds, radii equal to
    // distances, birthdays today), and jqwik's combined edge cases would cost more than the tries.
    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void evaluate_and_test_agree_with_the_reference(@ForAll("cases") ConformanceCase c) {
        EngineConformance.check(c);
    }

    @Provide
    Arbitrary<ConformanceCase> cases() {
        return ConformanceCases.cases();
    }

    /** The reference rejects these before looking at any profile; the engine must not answer either. */
    @Example
    void a_cycle_of_segment_references_is_rejected() {
        long asOf = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        List<Message> messages = MessageNdjson.read(
                "{\"type\":\"identify\",\"userId\":\"p-0000001\",\"messageId\":\"m-1\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"traits\":{\"plan\":\"medicare\"}}\n");
        Map<String, Condition> segments = Map.of(
                "A", SegmentParser.parse("plan = \"medicare\" and in segment \"B\""),
                "B", SegmentParser.parse("in segment \"A\""));
        Condition condition = SegmentParser.parse("in segment \"A\"");
        assertThatThrownBy(() -> ReferenceEvaluator.members(messages, asOf, condition, segments))
                .isInstanceOf(IllegalArgumentException.class);

        PopulationBuilder builder = new PopulationBuilder(asOf);
        messages.forEach(builder::accept);
        SegmentEngine engine = new SegmentEngine(builder.build());
        assertThatThrownBy(() -> engine.evaluate(condition, segments)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.test(0, condition, segments)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void a_reference_to_an_unknown_segment_is_rejected() {
        long asOf = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        List<Message> messages = MessageNdjson.read(
                "{\"type\":\"identify\",\"userId\":\"p-0000001\",\"messageId\":\"m-1\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"traits\":{}}\n");
        Condition condition = SegmentParser.parse("true and in segment \"Nowhere\"");
        assertThatThrownBy(() -> ReferenceEvaluator.members(messages, asOf, condition, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);

        PopulationBuilder builder = new PopulationBuilder(asOf);
        messages.forEach(builder::accept);
        SegmentEngine engine = new SegmentEngine(builder.build());
        assertThatThrownBy(() -> engine.evaluate(condition, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
