package dev.strata.synth;

import java.time.Instant;

/**
 * The two years of behaviour before the end instant, in whole epoch seconds: every generated
 * timestamp t satisfies {@code windowStart <= t < end}, which holds for the instants themselves
 * even when the end instant has a fraction of a second.
 */
record Timeline(long windowStartSec, long endSec) {

    static final long DAY = 86_400L;
    static final long WINDOW_DAYS = 730;

    static Timeline ending(Instant end) {
        // t < end for a whole second t means t <= end - 1 when end is whole, t <= floor(end) otherwise.
        long endExclusive = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
        return new Timeline(endExclusive - WINDOW_DAYS * DAY, endExclusive);
    }

    long endDay() {
        return Math.floorDiv(endSec - 1, DAY);
    }
}
