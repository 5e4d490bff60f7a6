package dev.strata.scorecard;

import java.util.List;

/**
 * A scorecard's counts at one instant: every profile's (the population the segments are compared
 * with, id {@value #POPULATION}) and each segment's, in the order asked.
 */
public record ScorecardCounts(SegmentFigures population, List<SegmentFigures> segments) {
    public static final String POPULATION = "everyone";

    public ScorecardCounts {
        segments = List.copyOf(segments);
    }
}
