package dev.strata.engine;

import dev.strata.lang.Path;

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

    /** The string at a trait or context path of the user, or null when it is not a string. */
    public String text(Path path, int user) {
        ValueColumn col = population.column(path);
        if (col == null || col.strs == null || col.tags[user] != Tag.STRING) return null;
        return population.dictionary.decode(col.strs[user]);
    }
}
