package dev.strata.store;

import java.util.List;

/** Entries into and exits from segments, with the instant each happened. */
public interface ChangeLog {

    /** @param at epoch millis at which the membership changed */
    record Change(long seq, String segmentId, String userKey, boolean entered, long at) {
    }

    /** Stores the changes (their seq is assigned here; the argument's seq is ignored). */
    void append(List<Change> changes);

    /** A segment's changes with {@code at >= sinceMillis}, oldest first, at most {@code limit}. */
    List<Change> forSegment(String segmentId, long sinceMillis, int limit);

    /** A user's changes across segments, newest first, at most {@code limit}. */
    List<Change> forUser(String userKey, int limit);

    /** Removes a user's changes (erasure). */
    void deleteUser(String userKey);

    /** Removes a segment's changes (segment deleted). */
    void deleteSegment(String segmentId);

    /**
     * Per day (UTC, epoch day), the number of entries and exits of a segment: for charts. Each
     * element is {@code {epochDay, entries, exits}}, oldest day first; days without changes are absent.
     */
    List<long[]> dailyCounts(String segmentId, long sinceMillis);

    /** The instant (epoch millis) of a segment's newest entry or exit; empty when it has none. */
    java.util.OptionalLong lastChange(String segmentId);

    /**
     * {@link #lastChange} of many segments in one query: by segment id, the instant (epoch millis)
     * of its newest entry or exit; segments without any are absent.
     */
    java.util.Map<String, Long> lastChanges(java.util.Collection<String> segmentIds);
}
