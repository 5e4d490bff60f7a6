package dev.strata.engine;

import dev.strata.lang.Condition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluates conditions over a loaded {@link Population} as of its instant. Two ways in: a whole
 * condition to a bitmap of member ids, or one user at a time. Both share the compiled leaves
 * ({@link LeafPredicates}); the bitmap path narrows the candidates as it goes, so a selective
 * trait condition spares the event scans of the conditions after it.
 *
 * <p>Thread-safe: any number of evaluations may run at once.
 */
public final class SegmentEngine {
    private final Population population;
    private final long instant;
    private final LeafPredicates leaves;
    private final RoaringBitmap universe;
    /** Whether the universe is every profile: then a dense pass over ids may stand for it. */
    private final boolean whole;
    /** Members of referenced definitions over the whole population, keyed by the definition. */
    private final Map<Condition, RoaringBitmap> referenced = new ConcurrentHashMap<>();

    public SegmentEngine(Population population) {
        this(population, population.asOf(), null);
    }

    private SegmentEngine(Population population, long instant, RoaringBitmap universe) {
        this.population = population;
        this.instant = instant;
        this.leaves = new LeafPredicates(population, instant);
        boolean all = universe == null;
        if (all) {
            universe = new RoaringBitmap();
            if (population.size() > 0) universe.add(0L, population.size());
        }
        this.universe = universe;
        this.whole = all || universe.getCardinality() == population.size();
    }

    /**
     * The same population evaluated as of another instant: windows and ages move with it. Events
     * stamped after the instant are outside every window. A live population is built with an
     * instant far in the future so it holds every message, then read through this view at "now".
     */
    public SegmentEngine at(long instant) {
        return instant == this.instant ? this : new SegmentEngine(population, instant, universe);
    }

    /**
     * The same population and instant with only the profiles in {@code universe} known: members
     * are found among them only, and the cost of evaluating falls with their number (a sample for
     * a quick estimate). {@code not} is taken within the universe.
     */
    public SegmentEngine within(RoaringBitmap universe) {
        RoaringBitmap u = universe.clone();
        if (population.size() < Integer.MAX_VALUE) u.remove(population.size(), 0x100000000L);
        return new SegmentEngine(population, instant, u);
    }

    /** The instant this engine evaluates at. */
    public long instant() {
        return instant;
    }

    public Population population() {
        return population;
    }

    /**
     * The dense ids of the members of {@code condition}.
     *
     * @param segments definitions that {@code in segment "name"} may refer to
     * @throws IllegalArgumentException for a reference to an unknown segment or a cycle of references
     */
    public RoaringBitmap evaluate(Condition condition, Map<String, Condition> segments) {
        return evaluate(condition, segments, Map.of());
    }

    /**
     * As {@link #evaluate(Condition, Map)}, where a reference to a name in {@code fixed} reads
     * that bitmap of dense ids (a static segment's members) instead of a definition.
     */
    public RoaringBitmap evaluate(Condition condition, Map<String, Condition> segments, Map<String, RoaringBitmap> fixed) {
        RoaringBitmap r = new Run(segments, fixed).eval(condition, universe);
        return r == universe ? universe.clone() : r;
    }

    /** Whether the user with dense id {@code user} satisfies {@code condition}. */
    public boolean test(int user, Condition condition, Map<String, Condition> segments) {
        return test(user, condition, segments, Map.of());
    }

    /** As {@link #test(int, Condition, Map)}, with static members for some references. */
    public boolean test(int user, Condition condition, Map<String, Condition> segments, Map<String, RoaringBitmap> fixed) {
        if (user < 0 || user >= population.size()) throw new IllegalArgumentException("no profile with dense id " + user);
        return new Run(segments, fixed).test(user, condition);
    }

    /** One evaluation: carries the segment definitions and the stack of references being followed. */
    private final class Run {
        private final Map<String, Condition> segments;
        private final Map<String, RoaringBitmap> fixed;
        private final Deque<String> following = new ArrayDeque<>();

        Run(Map<String, Condition> segments, Map<String, RoaringBitmap> fixed) {
            this.segments = segments;
            this.fixed = fixed;
        }

        /** Members of c among candidates (never null; may return candidates itself). */
        RoaringBitmap eval(Condition c, RoaringBitmap candidates) {
            if (candidates.isEmpty()) return candidates;
            if (c instanceof Condition.Constant k) return k.value() ? candidates : new RoaringBitmap();
            if (c instanceof Condition.And a) {
                RoaringBitmap current = candidates;
                for (Condition child : cheapestFirst(a.children())) {
                    current = eval(child, current);
                    if (current.isEmpty()) break;
                }
                return current;
            }
            if (c instanceof Condition.Or o) {
                RoaringBitmap found = new RoaringBitmap();
                RoaringBitmap rest = candidates;
                for (Condition child : cheapestFirst(o.children())) {
                    found.or(eval(child, rest));
                    rest = RoaringBitmap.andNot(candidates, found);
                    if (rest.isEmpty()) break;
                }
                return found;
            }
            if (c instanceof Condition.Not n) return RoaringBitmap.andNot(candidates, eval(n.child(), candidates));
            if (c instanceof Condition.InSegment s) return RoaringBitmap.and(candidates, referenced(s.name()));
            if (c instanceof Condition.ScreeningDue d) return eval(d.expansion(), candidates);
            return leaf(c, candidates);
        }

        private RoaringBitmap leaf(Condition c, RoaringBitmap candidates) {
            RoaringBitmap indexed = leaves.indexed(c);
            if (indexed != null) return RoaringBitmap.and(candidates, indexed);
            var test = leaves.of(c);
            String event = LeafPredicates.eventName(c);
            if (event == null) {
                return candidates == universe && whole ? Scans.select(population.size(), test) : Scans.select(candidates, test);
            }
            EventLog log = leaves.eventLog(c);
            boolean zero = LeafPredicates.holdsWithoutEvents(c);
            if (log == null) return zero ? candidates : new RoaringBitmap();
            if (!zero && candidates == universe && whole) {
                // Over everyone, a dense pass over ids reads the per-user arrays in order and
                // beats iterating the bitmap of users who have the event; users without it fail.
                return Scans.select(population.size(), test);
            }
            RoaringBitmap domain = candidates == universe && whole ? log.users : RoaringBitmap.and(candidates, log.users);
            if (!zero) return Scans.select(domain, test);
            return RoaringBitmap.andNot(candidates, Scans.select(domain, test.negate()));
        }

        boolean test(int user, Condition c) {
            if (c instanceof Condition.Constant k) return k.value();
            if (c instanceof Condition.And a) {
                for (Condition child : a.children()) if (!test(user, child)) return false;
                return true;
            }
            if (c instanceof Condition.Or o) {
                for (Condition child : o.children()) if (test(user, child)) return true;
                return false;
            }
            if (c instanceof Condition.Not n) return !test(user, n.child());
            if (c instanceof Condition.ScreeningDue d) return test(user, d.expansion());
            if (c instanceof Condition.InSegment s) {
                RoaringBitmap members = fixed.get(s.name());
                if (members != null) return members.contains(user);
                Condition def = definition(s.name());
                following.push(s.name());
                try {
                    return test(user, def);
                } finally {
                    following.pop();
                }
            }
            return leaves.of(c).test(user);
        }

        private RoaringBitmap referenced(String name) {
            RoaringBitmap members = fixed.get(name);
            if (members != null) return members;
            Condition def = definition(name);
            // Static members may change between evaluations: cache only what definitions alone decide.
            boolean cacheable = fixed.isEmpty();
            RoaringBitmap cached = cacheable ? referenced.get(def) : null;
            if (cached != null) return cached;
            following.push(name);
            try {
                RoaringBitmap r = eval(def, universe);
                if (r == universe) r = universe.clone();
                if (cacheable) referenced.putIfAbsent(def, r);
                return r;
            } finally {
                following.pop();
            }
        }

        private Condition definition(String name) {
            if (following.contains(name)) {
                List<String> cycle = new ArrayList<>(following);
                java.util.Collections.reverse(cycle);
                cycle.add(name);
                throw new IllegalArgumentException("segment references form a cycle: " + String.join(" -> ", cycle));
            }
            Condition def = segments.get(name);
            if (def == null) throw new IllegalArgumentException("unknown segment \"" + name + "\"");
            return def;
        }

        /** Orders junction children so cheap, usually selective conditions narrow the candidates first. */
        private List<Condition> cheapestFirst(List<Condition> children) {
            List<Condition> sorted = new ArrayList<>(children);
            sorted.sort(Comparator.comparingLong(this::cost));
            return sorted;
        }

        private long cost(Condition c) {
            if (c instanceof Condition.Constant || c instanceof Condition.InSegment) return 0;
            if (c instanceof Condition.Test) return leaves.isIndexable(c) ? 0 : 1;
            if (c instanceof Condition.Near) return 2;
            if (c instanceof Condition.Not n) return cost(n.child());
            if (c instanceof Condition.ScreeningDue d) return cost(d.expansion());
            if (c instanceof Condition.And a) return a.children().stream().mapToLong(this::cost).sum();
            if (c instanceof Condition.Or o) return o.children().stream().mapToLong(this::cost).sum();
            EventLog log = leaves.eventLog(c);
            return 3 + (log == null ? 0 : log.rows());
        }
    }
}
