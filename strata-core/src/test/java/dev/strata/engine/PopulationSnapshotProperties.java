package dev.strata.engine;

import static dev.strata.engine.SnapshotAssertions.assertSameEvaluation;
import static dev.strata.engine.SnapshotAssertions.assertSamePopulation;

import dev.strata.model.Message;
import dev.strata.testing.ConformanceCase;
import dev.strata.testing.ConformanceCases;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On the conformance suite's random populations (duplicates, removals, nested objects, wrong
 * types, context, timestamp ties) and random definitions: a population read back from its
 * snapshot holds the same cells and gives the same members, in bulk and one profile at a time.
 */
class PopulationSnapshotProperties {

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void a_restored_population_evaluates_like_the_original(@ForAll("cases") ConformanceCase c) throws Exception {
        PopulationBuilder builder = new PopulationBuilder(c.asOf());
        for (Message m : c.messages()) builder.accept(m);
        Population original = builder.build();
        Path dir = Files.createTempDirectory("snapshot-property");
        try {
            Population restored = SnapshotAssertions.roundTrip(original, c.messages().size(), dir);
            assertSamePopulation(original, restored);
            assertSameEvaluation(original, restored, c.condition(), c.segments());
        } finally {
            SnapshotAssertions.deleteDirectory(dir);
        }
    }

    @Provide
    Arbitrary<ConformanceCase> cases() {
        return ConformanceCases.cases();
    }
}
