package dev.strata.live;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationReader;
import dev.strata.engine.SegmentEngine;
import dev.strata.engine.TimeSlice;
import dev.strata.lang.Condition;
import dev.strata.lang.Path;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Segments kept exact in real time over a snapshot population plus every message accepted since.
 * The single entry point the server uses for membership: define segments, apply committed
 * messages, let time pass, and read sizes, members, a profile's segments and explanations.
 *
 * <p>How: profiles untouched since the snapshot are read from its columns through
 * {@link SegmentEngine#at}; a profile a message touches is rebuilt once from the snapshot's
 * columns and then kept as a {@link LiveProfile}, evaluated one at a time. Every user
 * has a stable dense id (the snapshot's, then new ones), and members are bitmaps of those ids.
 * Time triggers: per segment and user, the next instant the answer can change ({@link NextChange})
 * waits in a {@link TimerQueue}; nothing is recomputed on a period.
 *
 * <p>Thread-safe: writers ({@code define}, {@code remove}, {@code apply}, {@code advance},
 * {@code erase}) are serialised; readers run concurrently with each other.
 */
public final class LiveEngine {
    private final Population snapshot;
    private final SegmentEngine snapshotEngine;
    private final PopulationReader snapshotReader;
    private final int snapshotSize;
    private final LongSupplier clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<String, Integer> newIds = new HashMap<>();
    private final List<String> newKeys = new ArrayList<>();
    /** Profiles touched since the snapshot (and every new one), by stable id. */
    private final Map<Integer, LiveProfile> live = new HashMap<>();
    private final RoaringBitmap liveIds = new RoaringBitmap();
    private final RoaringBitmap erased = new RoaringBitmap();

    private final Map<String, LiveSegment> byId = new LinkedHashMap<>();
    private final Map<String, LiveSegment> byName = new HashMap<>();
    private final List<LiveSegment> slots = new ArrayList<>();
    private final TimerQueue timers = new TimerQueue();
    private final LateArrivals late = new LateArrivals();

    /**
     * @param snapshot the population loaded from the store at start (built with an instant far in
     *                 the future, so every stored message is in it)
     * @param clock    the current instant in epoch millis
     */
    public LiveEngine(Population snapshot, LongSupplier clock) {
        this.snapshot = snapshot;
        this.snapshotEngine = new SegmentEngine(snapshot);
        this.snapshotReader = new PopulationReader(snapshot);
        this.snapshotSize = snapshot.size();
        this.clock = clock;
    }

    // ---- segments -----------------------------------------------------------------------------

    /**
     * Adds or replaces a segment and computes its membership now. A dynamic segment is then kept
     * exact; a static one keeps {@code staticMembers} (or, when null, the members of
     * {@code definition} now) until it is defined again. User keys of unknown profiles in
     * {@code staticMembers} are left out.
     *
     * @return the entries and exits relative to the segment's previous membership, and those of
     *         dynamic segments that refer to it
     * @throws IllegalArgumentException when the definition refers to an unknown segment or makes a
     *                                  cycle, or the name belongs to another segment
     */
    public List<MembershipChange> define(String id, String name, Condition definition, SegmentKind kind,
                                         Collection<String> staticMembers) {
        lock.writeLock().lock();
        try {
            long now = clock.getAsLong();
            LiveSegment old = byId.get(id);
            LiveSegment sameName = byName.get(name);
            if (sameName != null && sameName != old) throw new IllegalArgumentException("a segment named \"" + name + "\" exists already");
            if (old != null && !old.name.equals(name) && !dependents(old.name).isEmpty()) {
                throw new IllegalArgumentException("segment \"" + old.name + "\" is referred to by " + names(dependents(old.name)) + ": rename refused");
            }
            checkReferences(name, definition);
            RoaringBitmap members;
            if (definition == null && (kind != SegmentKind.STATIC || staticMembers == null)) {
                throw new IllegalArgumentException("only a static segment from a member list may have no definition");
            }
            if (kind == SegmentKind.STATIC && staticMembers != null) {
                members = new RoaringBitmap();
                for (String key : staticMembers) {
                    int u = idOf(key);
                    if (u >= 0) members.add(u);
                }
            } else {
                members = evaluateAll(definition, now, name);
            }
            int slot = old != null ? old.slot : slots.size();
            LiveSegment seg = new LiveSegment(id, name, definition, kind, slot, members);
            if (old != null) {
                timers.removeSlot(slot);
                byName.remove(old.name);
                slots.set(slot, seg);
            } else {
                slots.add(seg);
            }
            byId.put(id, seg);
            byName.put(name, seg);
            List<MembershipChange> changes = new ArrayList<>();
            diff(id, old == null ? new RoaringBitmap() : old.members, members, now, changes);
            if (seg.dynamic()) {
                seg.footprint = Footprint.of(definition, this::dynamicDefinition);
                scheduleAll(seg, now);
            }
            if (old != null) refreshDependents(name, now, changes);
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a segment; fails when another segment refers to it. */
    public void remove(String id) {
        lock.writeLock().lock();
        try {
            LiveSegment seg = byId.get(id);
            if (seg == null) return;
            List<LiveSegment> deps = dependents(seg.name);
            if (!deps.isEmpty()) throw new IllegalArgumentException("segment \"" + seg.name + "\" is referred to by " + names(deps));
            timers.removeSlot(seg.slot);
            slots.set(seg.slot, null);
            byId.remove(id);
            byName.remove(seg.name);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- messages and time --------------------------------------------------------------------

    /** Applies messages already made durable, in commit order; returns the membership changes. */
    public List<MembershipChange> apply(List<Message> messages) {
        lock.writeLock().lock();
        try {
            long now = clock.getAsLong();
            Map<Integer, Touch> touched = new LinkedHashMap<>();
            for (Message m : messages) {
                if (m.type() != MessageType.IDENTIFY && m.type() != MessageType.TRACK) continue;
                int u = idOf(m.userId());
                boolean created = false;
                LiveProfile p;
                if (u < 0) {
                    u = newId(m.userId());
                    p = new LiveProfile(m.userId());
                    putLive(u, p);
                    created = true;
                } else {
                    if (erased.contains(u)) continue;
                    p = liveProfile(u, true);
                }
                if (!p.apply(m)) continue; // the same messageId applied before: nothing changed
                if (m.type() == MessageType.TRACK) late.event(m.timestamp(), now);
                Touch t = touched.computeIfAbsent(u, k -> new Touch());
                t.created |= created;
                t.identify |= m.type() == MessageType.IDENTIFY;
                t.context |= m.context() != null;
                if (m.event() != null) t.events.add(m.event());
            }
            List<MembershipChange> changes = new ArrayList<>();
            for (Map.Entry<Integer, Touch> e : touched.entrySet()) {
                int u = e.getKey();
                Touch t = e.getValue();
                LiveProfile p = live.get(u);
                References refs = references(u);
                for (LiveSegment seg : slots) {
                    if (seg == null || !seg.dynamic() || !(t.created || t.touches(seg.footprint))) continue;
                    boolean in = ProfileEvaluator.holds(seg.definition, p, now, refs);
                    record(seg, u, in, now, changes);
                    reschedule(seg, u, now, timeline(p));
                }
            }
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What the messages of one apply did to one user. */
    private static final class Touch {
        boolean created;
        boolean identify;
        boolean context;
        final Set<String> events = new HashSet<>(4);

        boolean touches(Footprint f) {
            if (identify && f.traits()) return true;
            if (context && f.context()) return true;
            for (String e : events) if (f.events().contains(e)) return true;
            return false;
        }
    }

    /** Fires every time trigger due at or before the clock's instant; returns the changes. */
    public List<MembershipChange> advance() {
        lock.writeLock().lock();
        try {
            long now = clock.getAsLong();
            List<MembershipChange> changes = new ArrayList<>();
            SegmentEngine at = null;
            while (timers.peekAt() <= now) {
                long due = timers.peekAt();
                int u = timers.peekUser();
                LiveSegment seg = slots.get(timers.peekSlot());
                timers.pop();
                if (seg == null || seg.scheduled(u) != due) continue; // stale: replaced by a later schedule
                seg.schedule(u, 0);
                if (erased.contains(u)) continue;
                LiveProfile p = live.get(u);
                boolean in;
                if (p != null) {
                    in = ProfileEvaluator.holds(seg.definition, p, now, references(u));
                } else {
                    if (at == null) at = snapshotEngine.at(now);
                    in = at.test(u, seg.definition, dynamicDefinitions(), staticMembers());
                }
                record(seg, u, in, due, changes);
                reschedule(seg, u, now, p != null ? timeline(p) : timeline(u));
            }
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The earliest instant at which some membership may change with no message; Long.MAX_VALUE for none. */
    public long nextDue() {
        lock.readLock().lock();
        try {
            return timers.peekAt();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of pending time triggers (for metrics). */
    public int pendingTriggers() {
        lock.readLock().lock();
        try {
            return timers.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Forgets a profile: it leaves every segment (returned) and is no longer known. */
    public List<MembershipChange> erase(String userKey) {
        lock.writeLock().lock();
        try {
            int u = idOf(userKey);
            List<MembershipChange> changes = new ArrayList<>();
            if (u < 0 || erased.contains(u)) return changes;
            long now = clock.getAsLong();
            erased.add(u);
            late.everyDay();
            live.remove(u);
            liveIds.remove(u);
            for (LiveSegment seg : slots) {
                if (seg == null) continue;
                seg.schedule(u, 0);
                if (seg.members.checkedRemove(u)) changes.add(new MembershipChange(seg.id, userKey, false, now));
            }
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- reads --------------------------------------------------------------------------------

    public boolean hasSegment(String segmentId) {
        lock.readLock().lock();
        try {
            return byId.containsKey(segmentId);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size(String segmentId) {
        lock.readLock().lock();
        try {
            return segment(segmentId).members.getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Members in a stable order, after the cursor (null for the first page). */
    public MembersPage members(String segmentId, String cursor, int limit) {
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, got " + limit);
        int after = -1;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid cursor '" + cursor + "': use the 'next' value of the previous page");
            }
        }
        lock.readLock().lock();
        try {
            RoaringBitmap members = segment(segmentId).members;
            PeekableIntIterator it = members.getIntIterator();
            if (after >= 0) it.advanceIfNeeded(after + 1);
            List<String> out = new ArrayList<>(Math.min(limit, 1024));
            int last = -1;
            while (it.hasNext() && out.size() < limit) {
                last = it.next();
                out.add(keyOf(last));
            }
            return new MembersPage(out, it.hasNext() ? Integer.toString(last) : null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of the segments the profile is in now. */
    public Set<String> segmentsOf(String userKey) {
        lock.readLock().lock();
        try {
            Set<String> out = new TreeSet<>();
            int u = idOf(userKey);
            if (u < 0 || erased.contains(u)) return out;
            for (LiveSegment seg : slots) if (seg != null && seg.members.contains(u)) out.add(seg.id);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Size of an unsaved definition now. */
    public int preview(Condition definition) {
        return previewMembers(definition).getCardinality();
    }

    /** Stable ids of the members of an unsaved definition now (for analytics on a draft). */
    RoaringBitmap previewMembers(Condition definition) {
        lock.readLock().lock();
        try {
            checkReferences(null, definition);
            return evaluateAll(definition, clock.getAsLong(), null);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Explanation explain(String segmentId, String userKey) {
        lock.readLock().lock();
        try {
            LiveSegment seg = segment(segmentId);
            int u = idOf(userKey);
            if (u < 0 || erased.contains(u)) throw new IllegalArgumentException("no profile \"" + userKey + "\"");
            long now = clock.getAsLong();
            boolean member = seg.members.contains(u);
            if (seg.definition == null) {
                // A static segment uploaded as a list: membership is the whole explanation.
                return new Explanation(seg.id, userKey, member, now,
                        new Explanation.Node("uploaded member list", member, Map.of("staticMember", member), List.of()));
            }
            LiveProfile p = liveProfile(u, false);
            Explanation.Node root = ProfileExplainer.explain(seg.definition, p, now, references(u));
            if (!seg.dynamic()) {
                // A static snapshot: members were fixed when it was saved; the tree shows the definition now.
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("staticMember", member);
                facts.put("definitionHoldsNow", root.holds());
                root = new Explanation.Node("static snapshot of: " + root.condition(), member, facts, List.of(root));
            }
            return new Explanation(seg.id, userKey, member, now, root);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Why a profile is in or out of an unsaved definition now (segment id null in the answer). */
    public Explanation explainDefinition(Condition definition, String userKey) {
        lock.readLock().lock();
        try {
            checkReferences(null, definition);
            int u = idOf(userKey);
            if (u < 0 || erased.contains(u)) throw new java.util.NoSuchElementException("no profile \"" + userKey + "\"");
            long now = clock.getAsLong();
            Explanation.Node root = ProfileExplainer.explain(definition, liveProfile(u, false), now, references(u));
            return new Explanation(null, userKey, root.holds(), now, root);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<ProfileView> profile(String userKey) {
        lock.readLock().lock();
        try {
            int u = idOf(userKey);
            if (u < 0 || erased.contains(u)) return Optional.empty();
            LiveProfile p = liveProfile(u, false);
            return Optional.of(new ProfileView(userKey, p.traits(), p.context(), p.eventCounts()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of known profiles. */
    public int profileCount() {
        lock.readLock().lock();
        try {
            return snapshotSize + newKeys.size() - erased.getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of profiles held in full (touched since the snapshot). */
    public int liveProfileCount() {
        lock.readLock().lock();
        try {
            return live.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- for LiveAnalytics: call under the read lock ------------------------------------------

    /** Runs {@code read} under the read lock: writers wait, other readers proceed. */
    <T> T underReadLock(java.util.function.Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    LateArrivals lateArrivals() {
        return late;
    }

    Population snapshotPopulation() {
        return snapshot;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Snapshot ids whose data the snapshot's columns still hold: neither touched since nor erased. */
    RoaringBitmap untouchedSnapshotIds() {
        RoaringBitmap r = new RoaringBitmap();
        if (snapshotSize > 0) r.add(0L, snapshotSize);
        r.andNot(liveIds);
        r.andNot(erased);
        return r;
    }

    /** Profiles held in full, by stable id (erased ones are not among them). */
    Map<Integer, LiveProfile> liveProfiles() {
        return live;
    }

    /** Members of a definition at an instant; references are checked. */
    RoaringBitmap membersAt(Condition definition, long instant) {
        checkReferences(null, definition);
        return evaluateAll(definition, instant, null);
    }

    /**
     * Members of a definition now among a sample of profiles: the untouched snapshot ids in
     * {@code snapshotSample}, evaluated from the columns over those ids only, and the live
     * profiles whose stable ids {@code liveSample} accepts.
     */
    RoaringBitmap membersWithin(Condition definition, long now, RoaringBitmap snapshotSample, java.util.function.IntPredicate liveSample) {
        checkReferences(null, definition);
        RoaringBitmap universe = snapshotSample.clone();
        universe.andNot(liveIds);
        universe.andNot(erased);
        RoaringBitmap r = snapshotEngine.at(now).within(universe).evaluate(definition, dynamicDefinitions(), staticMembers());
        for (Map.Entry<Integer, LiveProfile> e : live.entrySet()) {
            if (liveSample.test(e.getKey()) && ProfileEvaluator.holds(definition, e.getValue(), now, references(e.getKey()))) r.add(e.getKey());
        }
        return r;
    }

    int snapshotSize() {
        return snapshotSize;
    }

    /** The current members of a saved segment (the engine's own bitmap: do not modify). */
    RoaringBitmap segmentBitmap(String segmentId) {
        return segment(segmentId).members;
    }

    String userKeyOf(int stableId) {
        return keyOf(stableId);
    }

    int stableIdOf(String userKey) {
        int u = idOf(userKey);
        return u < 0 || erased.contains(u) ? -1 : u;
    }

    // ---- internals ----------------------------------------------------------------------------

    private LiveSegment segment(String id) {
        LiveSegment seg = byId.get(id);
        if (seg == null) throw new java.util.NoSuchElementException("no segment with id \"" + id + "\"");
        return seg;
    }

    private int idOf(String key) {
        int u = snapshot.idOf(key);
        if (u >= 0) return u;
        Integer n = newIds.get(key);
        return n == null ? -1 : n;
    }

    private String keyOf(int u) {
        return u < snapshotSize ? snapshot.userId(u) : newKeys.get(u - snapshotSize);
    }

    private int newId(String key) {
        int u = snapshotSize + newKeys.size();
        newKeys.add(key);
        newIds.put(key, u);
        return u;
    }

    private void putLive(int u, LiveProfile p) {
        live.put(u, p);
        liveIds.add(u);
    }

    /**
     * The profile in full: the live one, or one rebuilt from the snapshot's columns (a profile that
     * is not live has had no message since the snapshot, so the snapshot holds all of it). With
     * {@code keep} it becomes live (a message is about to change it); otherwise it serves this call only.
     */
    private LiveProfile liveProfile(int u, boolean keep) {
        LiveProfile p = live.get(u);
        if (p != null) return p;
        LiveProfile fresh = new LiveProfile(keyOf(u));
        snapshotReader.readProfile(u, new PopulationReader.ProfileSink() {
            @Override
            public void trait(String key, dev.strata.json.Json value, long time) {
                fresh.seedTrait(key, value, time);
            }

            @Override
            public void context(dev.strata.json.Json.Obj context, long time) {
                fresh.seedContext(context, time);
            }

            @Override
            public void event(String name, long time, dev.strata.json.Json.Obj properties) {
                fresh.seedEvent(name, time, properties);
            }
        });
        if (keep) putLive(u, fresh);
        return fresh;
    }

    /** Members of a definition now: the snapshot's columns for untouched profiles, one by one for live ones. */
    private RoaringBitmap evaluateAll(Condition definition, long now, String selfName) {
        Map<String, Condition> defs = dynamicDefinitions();
        Map<String, RoaringBitmap> fixed = staticMembers();
        if (selfName != null) {
            defs.remove(selfName);
            fixed.remove(selfName);
        }
        RoaringBitmap r = snapshotEngine.at(now).evaluate(definition, defs, fixed);
        r.andNot(liveIds);
        r.andNot(erased);
        for (Map.Entry<Integer, LiveProfile> e : live.entrySet()) {
            if (ProfileEvaluator.holds(definition, e.getValue(), now, references(e.getKey()))) r.add(e.getKey());
        }
        return r;
    }

    private void scheduleAll(LiveSegment seg, long now) {
        Footprint f = seg.footprint;
        if (f.events().isEmpty() && !NextChange.mentionsAgeAnywhere(seg.definition, this::dynamicDefinition)) return;
        for (int u = 0; u < snapshotSize; u++) {
            if (erased.contains(u) || liveIds.contains(u)) continue;
            reschedule(seg, u, now, timeline(u));
        }
        for (Map.Entry<Integer, LiveProfile> e : live.entrySet()) reschedule(seg, e.getKey(), now, timeline(e.getValue()));
    }

    private void reschedule(LiveSegment seg, int u, long now, Timeline timeline) {
        long next = NextChange.after(seg.definition, now, timeline, this::dynamicDefinition);
        if (next == NextChange.NEVER) {
            seg.schedule(u, 0);
        } else if (seg.scheduled(u) != next) {
            seg.schedule(u, next);
            timers.push(next, u, seg.slot);
        }
    }

    private void record(LiveSegment seg, int u, boolean in, long at, List<MembershipChange> changes) {
        if (in ? seg.members.checkedAdd(u) : seg.members.checkedRemove(u)) {
            changes.add(new MembershipChange(seg.id, keyOf(u), in, at));
        }
    }

    private void diff(String segmentId, RoaringBitmap before, RoaringBitmap after, long at, List<MembershipChange> out) {
        IntIterator entered = RoaringBitmap.andNot(after, before).getIntIterator();
        while (entered.hasNext()) out.add(new MembershipChange(segmentId, keyOf(entered.next()), true, at));
        IntIterator left = RoaringBitmap.andNot(before, after).getIntIterator();
        while (left.hasNext()) out.add(new MembershipChange(segmentId, keyOf(left.next()), false, at));
    }

    /** Dynamic segments that refer to {@code name}, directly or through others, recomputed after it changed. */
    private void refreshDependents(String name, long now, List<MembershipChange> changes) {
        for (LiveSegment dep : dependents(name)) {
            if (!dep.dynamic()) continue;
            RoaringBitmap before = dep.members.clone();
            RoaringBitmap after = evaluateAll(dep.definition, now, dep.name);
            dep.members.clear();
            dep.members.or(after);
            diff(dep.id, before, after, now, changes);
            dep.footprint = Footprint.of(dep.definition, this::dynamicDefinition);
            timers.removeSlot(dep.slot);
            resetSchedule(dep);
            scheduleAll(dep, now);
        }
    }

    private void resetSchedule(LiveSegment seg) {
        for (int u = 0; u < snapshotSize + newKeys.size(); u++) seg.schedule(u, 0);
    }

    /** Segments whose definitions reach {@code name} through references. */
    private List<LiveSegment> dependents(String name) {
        List<LiveSegment> out = new ArrayList<>();
        for (LiveSegment seg : slots) {
            if (seg == null || seg.name.equals(name)) continue;
            if (References.reaches(seg.definition, name, this::anyDefinition, new HashSet<>())) out.add(seg);
        }
        return out;
    }

    /** Every reference must name a known segment, and none may lead back to {@code self}. */
    private void checkReferences(String self, Condition definition) {
        References.check(self, definition, this::anyDefinition, name -> byName.containsKey(name));
    }

    private static String names(List<LiveSegment> segs) {
        List<String> out = new ArrayList<>();
        for (LiveSegment s : segs) out.add("\"" + s.name + "\"");
        return String.join(", ", out);
    }

    private Condition dynamicDefinition(String name) {
        LiveSegment seg = byName.get(name);
        return seg != null && seg.dynamic() ? seg.definition : null;
    }

    private Condition anyDefinition(String name) {
        LiveSegment seg = byName.get(name);
        return seg == null ? null : seg.definition;
    }

    private Map<String, Condition> dynamicDefinitions() {
        Map<String, Condition> out = new HashMap<>();
        for (LiveSegment seg : byName.values()) if (seg.dynamic()) out.put(seg.name, seg.definition);
        return out;
    }

    private Map<String, RoaringBitmap> staticMembers() {
        Map<String, RoaringBitmap> out = new HashMap<>();
        for (LiveSegment seg : byName.values()) if (!seg.dynamic()) out.put(seg.name, seg.members);
        return out;
    }

    private References references(int u) {
        return new References() {
            @Override
            public Condition definition(String name) {
                LiveSegment seg = byName.get(name);
                if (seg == null) throw new IllegalArgumentException("unknown segment \"" + name + "\"");
                return seg.dynamic() ? seg.definition : null;
            }

            @Override
            public boolean staticMember(String name) {
                LiveSegment seg = byName.get(name);
                return seg != null && seg.members.contains(u);
            }
        };
    }

    private Timeline timeline(LiveProfile p) {
        return Timeline.of(p);
    }

    private Timeline timeline(int u) {
        return new Timeline() {
            @Override
            public TimeSlice eventTimes(String event) {
                return snapshotReader.eventTimes(event, u);
            }

            @Override
            public String text(Path path) {
                return snapshotReader.text(path, u);
            }
        };
    }
}
