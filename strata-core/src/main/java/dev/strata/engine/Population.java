package dev.strata.engine;

import dev.strata.lang.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columnar, in-memory state of every known profile as of one instant: dense int ids,
 * dictionary-encoded strings, typed trait and context columns, and per event name per user
 * time-sorted event arrays. Built by {@link PopulationBuilder}; immutable once built.
 */
public final class Population {
    private final long asOf;
    private final List<String> userIds;
    private final Map<String, Integer> idsByUser;
    final StringDictionary dictionary;
    final ColumnFamily traits;
    final ColumnFamily context;
    private final Map<String, EventLog> events;
    private final long eventCount;
    /** Per top-level trait key, per user: the timestamp of the identify the value came from (MIN for none). */
    final Map<String, long[]> traitTimes;
    /** Per user: the timestamp of the message the context came from (MIN for none). */
    final long[] contextTimes;

    Population(long asOf, List<String> userIds, Map<String, Integer> idsByUser, StringDictionary dictionary,
               ColumnFamily traits, ColumnFamily context, Map<String, EventLog> events,
               Map<String, long[]> traitTimes, long[] contextTimes) {
        this.traitTimes = traitTimes;
        this.contextTimes = contextTimes;
        this.asOf = asOf;
        this.userIds = userIds;
        this.idsByUser = idsByUser;
        this.dictionary = dictionary;
        this.traits = traits;
        this.context = context;
        this.events = events;
        long n = 0;
        for (EventLog log : events.values()) n += log.rows();
        this.eventCount = n;
    }

    /** The evaluation instant, epoch millis. */
    public long asOf() {
        return asOf;
    }

    /** Number of known profiles (users with at least one message at or before the instant). */
    public int size() {
        return userIds.size();
    }

    /** Number of track events kept (after deduplication, at or before the instant). */
    public long eventCount() {
        return eventCount;
    }

    /** The external id of a dense id. */
    public String userId(int id) {
        return userIds.get(id);
    }

    /** The dense id of an external id, or -1 when the profile is unknown. */
    public int idOf(String userId) {
        Integer id = idsByUser.get(userId);
        return id == null ? -1 : id;
    }

    /** Names of the events that occurred. */
    public Set<String> eventNames() {
        return Collections.unmodifiableSet(events.keySet());
    }

    EventLog events(String name) {
        return events.get(name);
    }

    /** The column a trait or context path reads; null when no profile ever had it. */
    ValueColumn column(Path path) {
        if (path.isContext()) return context.column(path.tail());
        return traits.column(path);
    }

    /**
     * The column of a key inside the object at {@code object}, read from the same family as the
     * object itself: for a bare {@code context} (a trait) that is the trait's child, not the
     * message context, which {@code column(context.key)} would read.
     */
    ValueColumn child(Path object, String key) {
        List<String> segments = new java.util.ArrayList<>(object.isContext() ? object.tail().segments() : object.segments());
        segments.add(key);
        Path path = new Path(segments);
        return object.isContext() ? context.column(path) : traits.column(path);
    }
}
