package dev.strata.engine;

import dev.strata.json.Json;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/** Collects one event name's rows in read order; {@link #build} sorts them by user then time. */
final class EventLogBuilder {
    private final String name;
    private final ColumnFamily properties;
    private int[] users = new int[64];
    private long[] timestamps = new long[64];
    private int rows;
    /** Whether rows arrived already ordered by (user, time); then no sort is needed. */
    private boolean ordered = true;

    EventLogBuilder(String name, StringDictionary dictionary) {
        this.name = name;
        this.properties = new ColumnFamily(dictionary, 64);
    }

    void add(int user, long timestamp, Json.Obj props) {
        if (rows == users.length) {
            int n = rows + (rows >> 1);
            users = Arrays.copyOf(users, n);
            timestamps = Arrays.copyOf(timestamps, n);
        }
        if (rows > 0 && ordered) {
            int pu = users[rows - 1];
            if (user < pu || (user == pu && timestamp < timestamps[rows - 1])) ordered = false;
        }
        users[rows] = user;
        timestamps[rows] = timestamp;
        if (!props.fields().isEmpty()) properties.writeAll(rows, props);
        rows++;
    }

    EventLog build(int userCount) {
        int[] offsets = new int[userCount + 1];
        for (int i = 0; i < rows; i++) offsets[users[i] + 1]++;
        RoaringBitmap present = new RoaringBitmap();
        for (int u = 0; u < userCount; u++) {
            if (offsets[u + 1] > 0) present.add(u);
            offsets[u + 1] += offsets[u];
        }
        int[] order = null;
        long[] ts;
        if (ordered) {
            ts = Arrays.copyOf(timestamps, rows);
        } else {
            order = new int[rows];
            int[] fill = Arrays.copyOf(offsets, userCount);
            for (int i = 0; i < rows; i++) order[fill[users[i]]++] = i; // stable counting sort by user
            for (int u = 0; u < userCount; u++) sortByTime(order, offsets[u], offsets[u + 1]);
            ts = new long[rows];
            for (int i = 0; i < rows; i++) ts[i] = timestamps[order[i]];
        }
        present.runOptimize();
        return new EventLog(name, present, offsets, ts, properties.compact(rows, order));
    }

    /** Stable sort of row indices by timestamp: insertion sort, as a user's rows are mostly in order. */
    private void sortByTime(int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int row = order[i];
            long t = timestamps[row];
            int j = i - 1;
            while (j >= from && timestamps[order[j]] > t) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = row;
        }
    }
}
