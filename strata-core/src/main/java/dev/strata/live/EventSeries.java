package dev.strata.live;

import dev.strata.json.Json;
import java.util.Arrays;

/**
 * One user's events of one name, sorted by time; ties keep arrival order. Messages mostly arrive
 * in time order, so an insert is an append; a late one shifts the few rows after it.
 */
final class EventSeries {
    private long[] times = new long[4];
    private Json.Obj[] properties = new Json.Obj[4];
    private int size;

    void add(long t, Json.Obj props) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            properties = Arrays.copyOf(properties, size * 2);
        }
        int at = upperBound(t); // after every row at the same instant: ties in arrival order
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(properties, at, properties, at + 1, size - at);
        times[at] = t;
        properties[at] = props;
        size++;
    }

    int size() {
        return size;
    }

    long time(int row) {
        return times[row];
    }

    Json.Obj properties(int row) {
        return properties[row];
    }

    /** The sorted timestamps; rows [0, size()) are valid. */
    long[] times() {
        return times;
    }

    /** First row with a timestamp >= t. */
    int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** First row with a timestamp > t. */
    int upperBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
