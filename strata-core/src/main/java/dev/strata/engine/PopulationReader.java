package dev.strata.engine;

import dev.strata.json.Json;
import dev.strata.lang.Path;
import java.util.List;
import java.util.Map;

/**
 * Per-user reads of a population's raw data for callers outside the engine that reason about one
 * profile at a time (the live engine's time triggers): event times and string values.
 */
public final class PopulationReader {
    private final Population population;

    public PopulationReader(Population population) {
        this.population = population;
    }

    /** The user's events of that name in time order; empty when none. */
    public TimeSlice eventTimes(String event, int user) {
        EventLog log = population.events(event);
        if (log == null) return new TimeSlice(new long[0], 0, 0);
        return new TimeSlice(log.timestamps, log.start(user), log.end(user));
    }

    /** Receives one profile's data as the population holds it. */
    public interface ProfileSink {
        /** A trait key's value and the timestamp it was set at; {@link Json#NULL} for a key removed by a null. */
        void trait(String key, Json value, long time);

        void context(Json.Obj context, long time);

        /** Events of one name arrive in time order (ties in arrival order). */
        void event(String name, long time, Json.Obj properties);
    }

    /**
     * Hands over everything the population holds for one user, rebuilt from the columns. Values
     * the columns do not keep come back as what evaluates the same: a JSON null inside an object
     * as missing, an array as an empty array.
     */
    public void readProfile(int user, ProfileSink sink) {
        ColumnFamily.Level roots = population.traits.roots();
        for (Map.Entry<String, long[]> e : population.traitTimes.entrySet()) {
            long t = e.getValue()[user];
            if (t == Long.MIN_VALUE) continue;
            ColumnFamily.Node node = roots.get(e.getKey());
            Json value = node == null ? null : value(node, user);
            sink.trait(e.getKey(), value == null ? Json.NULL : value, t);
        }
        long ct = population.contextTimes[user];
        if (ct != Long.MIN_VALUE) sink.context(object(population.context.roots(), user), ct);
        for (String name : population.eventNames()) {
            EventLog log = population.events(name);
            ColumnFamily.Level props = log.properties().roots();
            for (int row = log.start(user); row < log.end(user); row++) {
                sink.event(name, log.timestamps[row], object(props, row));
            }
        }
    }

    private Json.Obj object(ColumnFamily.Level level, int row) {
        Json.Obj.Builder b = new Json.Obj.Builder();
        for (int i = 0; i < level.size; i++) {
            Json v = value(level.nodes[i], row);
            if (v != null) b.put(level.keys[i], v);
        }
        return b.build();
    }

    private Json value(ColumnFamily.Node node, int row) {
        ValueColumn c = node.column;
        byte tag = c.tags[row];
        if (tag == Tag.STRING) return new Json.Str(population.dictionary.decode(c.strs[row]));
        if (tag == Tag.NUMBER) return new Json.Num(c.nums[row]);
        if (tag == Tag.TRUE) return Json.TRUE;
        if (tag == Tag.FALSE) return Json.FALSE;
        if (tag == Tag.ARRAY) return new Json.Arr(List.of());
        if (tag == Tag.OBJECT) return object(node.children, row);
        return null;
    }

    /** The string at a trait or context path of the user, or null when it is not a string. */
    public String text(Path path, int user) {
        ValueColumn col = population.column(path);
        if (col == null || col.strs == null || col.tags[user] != Tag.STRING) return null;
        return population.dictionary.decode(col.strs[user]);
    }
}
