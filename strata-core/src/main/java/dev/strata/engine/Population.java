package dev.strata.engine;

/**
 * The columnar, in-memory state of every known profile as of one instant: dense int ids,
 * dictionary-encoded strings, typed trait and context columns, and per event name per user
 * time-sorted event arrays. Built by {@link PopulationBuilder}; immutable once built.
 */
public final class Population {
    /** The evaluation instant, epoch millis. */
    public long asOf() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Number of known profiles (users with at least one message at or before the instant). */
    public int size() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The external id of a dense id. */
    public String userId(int id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The dense id of an external id, or -1 when the profile is unknown. */
    public int idOf(String userId) {
        throw new UnsupportedOperationException("not yet");
    }
}
