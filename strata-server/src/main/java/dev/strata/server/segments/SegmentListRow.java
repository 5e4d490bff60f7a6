package dev.strata.server.segments;

import java.time.Instant;
import java.util.List;

/**
 * A segment in the list: its view, and how its size moved.
 *
 * @param change7d   size now minus size 7 days ago; "hidden" when either is not shown as a number; null when unknown
 * @param change30d  the same over 30 days
 * @param sparkline  the last 30 daily sizes, oldest first, shown as sizes are (null for a day without one)
 * @param lastChange the newest entry or exit, or null
 */
public record SegmentListRow(String id, String name, String definition, String kind, Object size, Instant createdAt,
                             Instant updatedAt, String createdBy, String description, Object change7d, Object change30d,
                             List<Object> sparkline, Instant lastChange) {

    static SegmentListRow of(SegmentView v, Object change7d, Object change30d, List<Object> sparkline, Instant lastChange) {
        return new SegmentListRow(v.id(), v.name(), v.definition(), v.kind(), v.size(), v.createdAt(), v.updatedAt(), v.createdBy(),
                v.description(), change7d, change30d, sparkline, lastChange);
    }
}
