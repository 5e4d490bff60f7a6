package dev.strata.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleEstimateTest {

    @Test
    void aWholePopulationIsExact() {
        assertThat(SampleEstimate.of(37, 500, 500)).isEqualTo(new SampleEstimate(37, 37, 37, true, 500));
    }

    @Test
    void theIntervalRespectsWhatTheSampleProves() {
        SampleEstimate none = SampleEstimate.of(0, 1000, 64_000);
        assertThat(none.size()).isZero();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isPositive();
        SampleEstimate all = SampleEstimate.of(1000, 1000, 64_000);
        assertThat(all.size()).isEqualTo(64_000);
        assertThat(all.high()).isEqualTo(64_000);
        assertThat(all.low()).isLessThan(64_000);
        SampleEstimate some = SampleEstimate.of(3, 1000, 1003);
        assertThat(some.low()).isGreaterThanOrEqualTo(3);
        assertThat(some.high()).isLessThanOrEqualTo(6);
        assertThatThrownBy(() -> SampleEstimate.of(5, 4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Samples drawn without replacement from populations of known size: about 95% of intervals hold the truth. */
    @Test
    void aboutNinetyFivePercentOfIntervalsHoldTheTruth() {
        Random r = new Random(5);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            int population = 20_000 + r.nextInt(80_000);
            double rate = r.nextInt(10) == 0 ? r.nextDouble() * 0.01 : r.nextDouble();
            int members = (int) Math.round(population * rate);
            int sampled = population / (r.nextBoolean() ? 64 : 8);
            // hypergeometric draw: sample ids without replacement, members are ids < members
            int hits = 0;
            int remainingMembers = members;
            int remaining = population;
            for (int i = 0; i < sampled; i++) {
                if (r.nextInt(remaining) < remainingMembers) {
                    hits++;
                    remainingMembers--;
                }
                remaining--;
            }
            SampleEstimate e = SampleEstimate.of(hits, sampled, population);
            if (e.low() <= members && members <= e.high()) covered++;
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.995);
    }
}
