package dev.strata.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Saved segment definitions, and the member lists of static segments. */
public interface SegmentRepository {

    /**
     * @param kind        "dynamic" or "static"
     * @param definition  the segment language text (for a static segment from a CSV, may be null)
     * @param description what the segment stands for in plain words, or null
     */
    record SegmentRecord(String id, String name, String definition, String kind, Instant createdAt,
                         Instant updatedAt, String createdBy, String description) {

        /** A segment without a description. */
        public SegmentRecord(String id, String name, String definition, String kind, Instant createdAt,
                             Instant updatedAt, String createdBy) {
            this(id, name, definition, kind, createdAt, updatedAt, createdBy, null);
        }
    }

    /**
     * Inserts a new segment and returns it as stored (instants kept to the millisecond); fails with
     * {@link StoreConflictException} when the name or id is taken.
     */
    SegmentRecord insert(SegmentRecord segment);

    /**
     * Replaces name, definition, kind, description and updatedAt of an existing segment; empty when unknown;
     * {@link StoreConflictException} when the new name belongs to another segment.
     */
    Optional<SegmentRecord> update(SegmentRecord segment);

    Optional<SegmentRecord> get(String id);

    Optional<SegmentRecord> byName(String name);

    /** All segments, oldest first. */
    List<SegmentRecord> list();

    /** Deletes the segment and its static members; false when unknown. */
    boolean delete(String id);

    /** Replaces the member list of a static segment. */
    void saveStaticMembers(String segmentId, Collection<String> userKeys);

    /** In user key order. */
    List<String> staticMembers(String segmentId);

    /** Removes a user from every static member list (erasure). */
    void removeFromStaticMembers(String userKey);
}
