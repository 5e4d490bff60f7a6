package dev.strata.server.segments;

import dev.strata.server.security.Caller;
import dev.strata.server.web.SmallCells;
import dev.strata.store.SegmentRepository.SegmentRecord;
import java.time.Instant;

/**
 * A segment as the API shows it.
 *
 * @param size the member count now: a number, or {@code "<11"} for an analyst when it is 1..10; null when
 *             the saved definition could not be defined at start
 * @param description what the segment stands for in plain words, or null
 */
public record SegmentView(String id, String name, String definition, String kind, Object size, Instant createdAt,
                          Instant updatedAt, String createdBy, String description) {

    public static SegmentView of(SegmentRecord s, Integer size, Caller caller) {
        return new SegmentView(s.id(), s.name(), s.definition(), s.kind(), size == null ? null : SmallCells.shown(size, caller), s.createdAt(),
                s.updatedAt(), s.createdBy(), s.description());
    }
}
