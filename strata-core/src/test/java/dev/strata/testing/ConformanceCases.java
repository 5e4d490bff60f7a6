package dev.strata.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random conformance cases: an instant, a population as of it, and a definition. */
public final class ConformanceCases {
    private ConformanceCases() {
    }

    /**
     * A choice among one arbitrary per instant rather than a flatMap over instants: jqwik then
     * builds each generator once, not once per try, which is most of the cost of a case.
     */
    public static Arbitrary<ConformanceCase> cases() {
        List<Arbitrary<ConformanceCase>> perInstant = new ArrayList<>();
        for (long asOf : PopulationArbitraries.INSTANTS) perInstant.add(casesAt(asOf));
        return Choices.oneOf(perInstant);
    }

    public static Arbitrary<ConformanceCase> casesAt(long asOf) {
        return Combinators.combine(PopulationArbitraries.messages(asOf), DefinitionArbitraries.definitions(asOf))
                .as((messages, def) -> new ConformanceCase(asOf, messages, def.condition(), def.segments()));
    }
}
