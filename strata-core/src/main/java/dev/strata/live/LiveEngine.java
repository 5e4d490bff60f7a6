package dev.strata.live;

import dev.strata.engine.Population;
import dev.strata.lang.Condition;
import dev.strata.model.Message;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Segments kept exact in real time over a snapshot population plus every message accepted since.
 * The single entry point the server uses for membership: define segments, apply committed
 * messages, let time pass, and read sizes, members, a profile's segments and explanations.
 *
 * <p>Thread-safe: writers ({@code define}, {@code remove}, {@code apply}, {@code advance},
 * {@code erase}) are serialised; readers run concurrently with each other.
 */
public final class LiveEngine {

    /**
     * @param snapshot the population loaded from the store at start (built with an instant far in
     *                 the future, so every stored message is in it)
     * @param history  reads one user's stored messages when the engine first needs them in full
     * @param clock    the current instant in epoch millis
     */
    public LiveEngine(Population snapshot, History history, LongSupplier clock) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Adds or replaces a segment and computes its membership now. A dynamic segment is then kept
     * exact; a static one keeps {@code staticMembers} (or, when null, the members of
     * {@code definition} now) until it is defined again.
     *
     * @return the entries and exits relative to the segment's previous membership (empty for a new one)
     * @throws IllegalArgumentException when the definition refers to an unknown segment or makes a cycle
     */
    public List<MembershipChange> define(String id, String name, Condition definition, SegmentKind kind,
                                         Collection<String> staticMembers) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Removes a segment; fails when another segment refers to it. */
    public void remove(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Applies messages already made durable, in commit order; returns the membership changes. */
    public List<MembershipChange> apply(List<Message> messages) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Fires every time trigger due at or before the clock's instant; returns the changes. */
    public List<MembershipChange> advance() {
        throw new UnsupportedOperationException("in progress");
    }

    /** The earliest instant at which some membership may change with no message; Long.MAX_VALUE for none. */
    public long nextDue() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Forgets a profile: it leaves every segment (returned) and is no longer known. */
    public List<MembershipChange> erase(String userKey) {
        throw new UnsupportedOperationException("in progress");
    }

    public int size(String segmentId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Members in a stable order, after the cursor (null for the first page). */
    public MembersPage members(String segmentId, String cursor, int limit) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The ids of the segments the profile is in now. */
    public Set<String> segmentsOf(String userKey) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Size of an unsaved definition now. */
    public int preview(Condition definition) {
        throw new UnsupportedOperationException("in progress");
    }

    public Explanation explain(String segmentId, String userKey) {
        throw new UnsupportedOperationException("in progress");
    }

    public Optional<ProfileView> profile(String userKey) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Number of known profiles. */
    public int profileCount() {
        throw new UnsupportedOperationException("in progress");
    }
}
