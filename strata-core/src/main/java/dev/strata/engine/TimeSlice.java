package dev.strata.engine;

/** Sorted timestamps {@code times[from..to)}: one user's events of one name, read in place. */
public record TimeSlice(long[] times, int from, int to) {
    public boolean isEmpty() {
        return from >= to;
    }

    /** The first timestamp greater than {@code t}, or Long.MAX_VALUE when there is none. */
    public long firstAfter(long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo < to ? times[lo] : Long.MAX_VALUE;
    }
}
