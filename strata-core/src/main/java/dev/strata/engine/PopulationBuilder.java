package dev.strata.engine;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts messages in read order and builds a {@link Population} as of an instant. Applies the
 * spec's data rules: messageId deduplication (first read wins, over every message read), messages
 * after the instant ignored, latest identify per trait key with ties to the later read, context
 * from the latest message that carried one.
 */
public final class PopulationBuilder {
    private final long asOf;
    private final MessageIdSet seen = new MessageIdSet(1 << 16);
    private final StringDictionary dictionary = new StringDictionary();
    private final HashMap<String, Integer> ids = new HashMap<>();
    private final List<String> userIds = new ArrayList<>();
    private final ColumnFamily traits = new ColumnFamily(dictionary, 1024);
    private final ColumnFamily context = new ColumnFamily(dictionary, 1024);
    /** Per top-level trait key, per user: the timestamp of the value held (MIN when none). */
    private final Map<String, long[]> traitTimes = new HashMap<>();
    private long[] contextTimes = new long[1024];
    private final Map<String, EventLogBuilder> events = new LinkedHashMap<>();
    private long duplicates;
    private long afterInstant;
    private boolean built;

    public PopulationBuilder(long asOfMillis) {
        this.asOf = asOfMillis;
        Arrays.fill(contextTimes, Long.MIN_VALUE);
    }

    /** Adds one message; returns false when it was dropped as a duplicate or as after the instant. */
    public boolean accept(Message m) {
        if (built) throw new IllegalStateException("build() was called: this builder takes no more messages");
        if (m.messageId() != null && !seen.add(m.messageId())) {
            duplicates++;
            return false;
        }
        long t = m.timestamp();
        if (t > asOf) {
            afterInstant++;
            return false;
        }
        int user = userId(m.userId());
        if (m.context() != null && t >= contextTimes[user]) {
            contextTimes[user] = t;
            context.clearRow(user);
            context.writeAll(user, m.context());
        }
        if (m.type() == MessageType.IDENTIFY) {
            for (Map.Entry<String, Json> e : m.traits().fields().entrySet()) {
                long[] times = traitTimes(e.getKey(), user);
                if (t >= times[user]) {
                    times[user] = t;
                    traits.replace(user, e.getKey(), e.getValue());
                }
            }
        } else {
            EventLogBuilder log = events.get(m.event());
            if (log == null) {
                log = new EventLogBuilder(m.event(), dictionary);
                events.put(m.event(), log);
            }
            log.add(user, t, m.properties());
        }
        return true;
    }

    /** Messages dropped because their messageId had been read before. */
    public long duplicates() {
        return duplicates;
    }

    /** Messages dropped because they were stamped after the instant. */
    public long afterInstant() {
        return afterInstant;
    }

    public Population build() {
        if (built) throw new IllegalStateException("build() was already called");
        built = true;
        int n = userIds.size();
        Map<String, EventLog> logs = new HashMap<>();
        for (Map.Entry<String, EventLogBuilder> e : events.entrySet()) {
            logs.put(e.getKey(), e.getValue().build(n));
        }
        events.clear();
        Map<String, long[]> times = new HashMap<>();
        traitTimes.forEach((key, t) -> times.put(key, fit(t, n)));
        return new Population(asOf, List.copyOf(userIds), ids, dictionary,
                traits.compact(n, null), context.compact(n, null), logs, times, fit(contextTimes, n));
    }

    /** The first n entries, with MIN for users the array had not grown to. */
    private static long[] fit(long[] a, int n) {
        long[] out = Arrays.copyOf(a, n);
        if (a.length < n) Arrays.fill(out, a.length, n, Long.MIN_VALUE);
        return out;
    }

    private int userId(String external) {
        Integer id = ids.get(external);
        if (id != null) return id;
        int u = userIds.size();
        userIds.add(external);
        ids.put(external, u);
        if (u >= contextTimes.length) {
            int old = contextTimes.length;
            contextTimes = Arrays.copyOf(contextTimes, old * 2);
            Arrays.fill(contextTimes, old, contextTimes.length, Long.MIN_VALUE);
        }
        return u;
    }

    private long[] traitTimes(String key, int user) {
        long[] times = traitTimes.get(key);
        if (times == null || user >= times.length) {
            int old = times == null ? 0 : times.length;
            int n = Math.max(Math.max(1024, user + 1), old * 2);
            times = times == null ? new long[n] : Arrays.copyOf(times, n);
            Arrays.fill(times, old, n, Long.MIN_VALUE);
            traitTimes.put(key, times);
        }
        return times;
    }
}
