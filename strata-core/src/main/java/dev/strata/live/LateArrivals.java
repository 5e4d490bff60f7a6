package dev.strata.live;

import java.util.TreeMap;

/**
 * Which past days received events after the fact. A membership reconstructed as of a past day
 * depends only on events up to that day, so it stays right until an event stamped on or before
 * that day arrives (or a profile is erased): callers caching such results compare versions.
 */
final class LateArrivals {
    private static final long DAY = 86_400_000L;

    private long version;
    /** Per epoch day, the version of the latest arrival stamped that day; MIN_VALUE keys every day. */
    private final TreeMap<Long, Long> byDay = new TreeMap<>();

    /** An event stamped {@code at} was applied when the clock read {@code now}. */
    synchronized void event(long at, long now) {
        long day = Math.floorDiv(at, DAY);
        if (day < Math.floorDiv(now, DAY)) byDay.put(day, ++version);
    }

    /** Something that changes every past day (an erasure). */
    synchronized void everyDay() {
        byDay.clear();
        byDay.put(Long.MIN_VALUE, ++version);
    }

    /** The version of the latest late arrival stamped on or before {@code epochDay}; 0 when none. */
    synchronized long upTo(long epochDay) {
        long v = 0;
        for (long x : byDay.headMap(epochDay, true).values()) v = Math.max(v, x);
        return v;
    }
}
