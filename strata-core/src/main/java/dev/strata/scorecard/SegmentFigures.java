package dev.strata.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The counts a scorecard holds for one segment, each list in the order of its {@link ScorecardRules}
 * list. A count is null where it is not known to the reader (withheld by the small-cell rule); the
 * figures computed from it are then unknown too.
 *
 * @param size     members now
 * @param reach    members reachable on each channel
 * @param reachAny members reachable on at least one channel
 * @param signals  members meeting each engagement signal
 * @param eligible members eligible for each rate
 * @param counted  members eligible and counted (adherent, or due) for each rate
 * @param overlaps members shared with each other segment, largest first
 */
public record SegmentFigures(String id, Long size, List<Long> reach, Long reachAny, List<Long> signals,
                             List<Long> eligible, List<Long> counted, List<Overlap> overlaps) {

    public SegmentFigures {
        reach = nullable(reach);
        signals = nullable(signals);
        eligible = nullable(eligible);
        counted = nullable(counted);
        overlaps = List.copyOf(overlaps);
    }

    /** Members of this segment who are also in segment {@code id}. */
    public record Overlap(String id, Long count) {
    }

    private static List<Long> nullable(List<Long> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
