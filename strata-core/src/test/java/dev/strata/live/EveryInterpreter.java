package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-computed answers checked on the reference, the columnar engine and the live evaluator alike. */
final class EveryInterpreter {
    private EveryInterpreter() {
    }

    /** The reference, the engine ({@code evaluate} and {@code test}) and the live evaluator all say {@code expected} for the user. */
    static void assertAgreed(List<Message> messages, String user, String definition, long at, boolean expected) {
        Condition c = SegmentParser.parse(definition);
        Set<String> reference = ReferenceEvaluator.members(messages, at, c, Map.of());
        assertThat(reference.contains(user)).as("reference: " + definition).isEqualTo(expected);

        PopulationBuilder builder = new PopulationBuilder(at);
        messages.forEach(builder::accept);
        Population population = builder.build();
        SegmentEngine engine = new SegmentEngine(population);
        int id = population.idOf(user);
        assertThat(engine.evaluate(c, Map.of()).contains(id)).as("engine: " + definition).isEqualTo(expected);
        assertThat(engine.test(id, c, Map.of())).as("engine test: " + definition).isEqualTo(expected);

        assertThat(ProfileEvaluator.holds(c, live(messages, user, at), at, null)).as("live: " + definition).isEqualTo(expected);
    }

    /** The user's profile from the messages stamped at or before {@code at}. */
    static LiveProfile live(List<Message> messages, String user, long at) {
        LiveProfile p = new LiveProfile(user);
        for (Message m : messages) if (m.userId().equals(user) && m.timestamp() <= at) p.apply(m);
        return p;
    }

    /** What {@link NextChange} reads of a live profile, as the live engine gives it. */
    static Timeline timeline(LiveProfile p) {
        return Timeline.of(p);
    }
}
