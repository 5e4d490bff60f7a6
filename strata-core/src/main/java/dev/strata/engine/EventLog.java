package dev.strata.engine;

import dev.strata.lang.Path;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every event of one name, grouped by user and sorted by time within a user (ties keep read
 * order). A user's events are rows {@code [start(u), end(u))}; a window is two binary searches.
 * Property columns are aligned with the rows.
 */
final class EventLog {
    final String name;
    /** Users with at least one event of this name. */
    final RoaringBitmap users;
    /** offsets[u]..offsets[u+1] are user u's rows. */
    private final int[] offsets;
    final long[] timestamps;
    /** Per user, the timestamp of the latest event (Long.MIN_VALUE for none): a sequential array that rejects most users without touching their rows. */
    final long[] lastTimestamps;
    /** The latest timestamp of all (Long.MIN_VALUE for none): windows ending at or after it hold every user's latest events. */
    final long maxTimestamp;
    private final ColumnFamily properties;

    EventLog(String name, RoaringBitmap users, int[] offsets, long[] timestamps, ColumnFamily properties) {
        this.name = name;
        this.users = users;
        this.offsets = offsets;
        this.timestamps = timestamps;
        this.properties = properties;
        this.lastTimestamps = new long[offsets.length - 1];
        long max = Long.MIN_VALUE;
        for (int u = 0; u < lastTimestamps.length; u++) {
            lastTimestamps[u] = offsets[u + 1] > offsets[u] ? timestamps[offsets[u + 1] - 1] : Long.MIN_VALUE;
            max = Math.max(max, lastTimestamps[u]);
        }
        this.maxTimestamp = max;
    }

    int start(int user) {
        return offsets[user];
    }

    int end(int user) {
        return offsets[user + 1];
    }

    int rows() {
        return timestamps.length;
    }

    /** offsets[u]..offsets[u+1] are user u's rows; for writing a snapshot, not to be modified. */
    int[] offsets() {
        return offsets;
    }

    ColumnFamily properties() {
        return properties;
    }

    ValueColumn property(Path path) {
        return properties.column(path);
    }

    /** First row in [from, to) whose timestamp is >= t. */
    int lowerBound(int from, int to, long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** First row in [from, to) whose timestamp is > t. */
    int upperBound(int from, int to, long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
