package dev.strata.engine;

/** Sorted timestamps {@code times[from..to)}: one user's events of one name, read in place. */
public record TimeSlice(long[] times, int from, int to) {
    public boolean isEmpty() {
        return from >= to;
    }

    /** The first timestamp greater than {@code t}, or Long.MAX_VALUE when there is none. */
    public long firstAfter(long t) {
        int i = upperIndex(t);
        return i < to ? times[i] : Long.MAX_VALUE;
    }

    /** The latest time at or before {@code t}, or {@link Long#MIN_VALUE} when there is none. */
    public long lastAtOrBefore(long t) {
        int i = upperIndex(t);
        return i > from ? times[i - 1] : Long.MIN_VALUE;
    }

    /** The index of the first time after {@code t} (to when there is none). */
    private int upperIndex(long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
