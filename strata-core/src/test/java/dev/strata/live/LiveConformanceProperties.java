package dev.strata.live;

import dev.strata.testing.ConformanceCase;
import dev.strata.testing.ConformanceCases;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The live engine against the reference: random populations arriving over time, part snapshot
 * and part live, with the clock moving through window edges between arrivals.
 */
class LiveConformanceProperties {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void live_memberships_equal_the_reference_at_every_step(
            @ForAll("cases") ConformanceCase c,
            @ForAll("offsets") List<Long> offsets,
            @ForAll @DoubleRange(min = 0, max = 1) double snapshotCut,
            @ForAll @IntRange(min = 1, max = 40) int chunk) {
        TreeSet<Long> steps = new TreeSet<>();
        steps.add(c.asOf());
        for (long o : offsets) steps.add(c.asOf() + o);
        LiveConformance.check(c, new ArrayList<>(steps), snapshotCut, chunk);
    }

    @Provide
    Arbitrary<ConformanceCase> cases() {
        return ConformanceCases.cases();
    }

    /** Clock positions around the case's instant: window edges of the generated data sit at whole hours and days from it. */
    @Provide
    Arbitrary<List<Long>> offsets() {
        Arbitrary<Long> edge = Arbitraries.of(-400 * DAY, -31 * DAY, -7 * DAY, -DAY, -HOUR, -1L, 1L, HOUR, DAY + 1, 7 * DAY, 30 * DAY, 366 * DAY);
        Arbitrary<Long> any = Arbitraries.longs().between(-40 * DAY, 40 * DAY);
        return Arbitraries.oneOf(edge, any).list().ofMinSize(1).ofMaxSize(4);
    }
}
