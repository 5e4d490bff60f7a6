package dev.strata.reference;

import dev.strata.json.Json;
import dev.strata.lang.AggFn;
import dev.strata.lang.Condition;
import dev.strata.lang.Path;
import dev.strata.lang.TimeSpan;
import dev.strata.lang.Window;
import dev.strata.model.Message;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The segment language evaluated the obvious way, as the oracle the engine is tested against:
 * every profile rebuilt from the raw messages, every condition interpreted recursively for one
 * user at a time, nothing indexed, cached or shared with the engine beyond the model and the
 * condition tree.
 */
public final class ReferenceEvaluator {
    private final long asOf;
    private final Map<String, Condition> segments;

    private ReferenceEvaluator(long asOf, Map<String, Condition> segments) {
        this.asOf = asOf;
        this.segments = segments;
    }

    /**
     * The user ids of the known profiles that satisfy {@code condition} as of {@code asOfMillis}.
     *
     * @param messages in read order
     * @param segments the definitions {@code in segment "name"} refers to
     * @throws IllegalArgumentException when the condition reaches an unknown segment or a cycle
     */
    public static Set<String> members(List<Message> messages, long asOfMillis, Condition condition,
            Map<String, Condition> segments) {
        checkReferences(condition, segments, new ArrayDeque<>());
        ReferenceEvaluator evaluator = new ReferenceEvaluator(asOfMillis, segments);
        Set<String> members = new LinkedHashSet<>();
        for (ReferenceProfile p : ReferenceProfiles.profiles(messages, asOfMillis).values()) {
            if (evaluator.holds(condition, p)) members.add(p.userId());
        }
        return members;
    }

    /** The user ids of the profiles known at the instant: those with a kept message. */
    public static Set<String> knownUsers(List<Message> messages, long asOfMillis) {
        return new LinkedHashSet<>(ReferenceProfiles.profiles(messages, asOfMillis).keySet());
    }

    /** For each message in read order, whether it survives deduplication and the instant. */
    public static List<Boolean> accepted(List<Message> messages, long asOfMillis) {
        return ReferenceProfiles.kept(messages, asOfMillis);
    }

    /** The great-circle distance the spec's {@code near} uses, in km. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        return ReferenceValues.haversineKm(lat1, lon1, lat2, lon2);
    }

    // ---- references ---------------------------------------------------------------------------

    /** Walks every reference reachable from {@code c}; {@code trail} holds the names being expanded. */
    private static void checkReferences(Condition c, Map<String, Condition> segments, Deque<String> trail) {
        for (String name : references(c)) {
            if (trail.contains(name)) {
                List<String> cycle = new ArrayList<>(trail);
                Collections.reverse(cycle);
                cycle.add(name);
                throw new IllegalArgumentException("cycle of segment references: " + String.join(" -> ", cycle));
            }
            Condition definition = segments.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("unknown segment \"" + name + "\" (known: " + segments.keySet() + ")");
            }
            trail.push(name);
            checkReferences(definition, segments, trail);
            trail.pop();
        }
    }

    private static List<String> references(Condition c) {
        List<String> out = new ArrayList<>();
        if (c instanceof Condition.InSegment s) {
            out.add(s.name());
        } else if (c instanceof Condition.Not n) {
            out.addAll(references(n.child()));
        } else if (c instanceof Condition.And a) {
            for (Condition x : a.children()) out.addAll(references(x));
        } else if (c instanceof Condition.Or o) {
            for (Condition x : o.children()) out.addAll(references(x));
        }
        return out;
    }

    // ---- conditions on a profile --------------------------------------------------------------

    private boolean holds(Condition c, ReferenceProfile p) {
        if (c instanceof Condition.Constant k) return k.value();
        if (c instanceof Condition.Not n) return !holds(n.child(), p);
        if (c instanceof Condition.And a) {
            for (Condition x : a.children()) {
                if (!holds(x, p)) return false;
            }
            return true;
        }
        if (c instanceof Condition.Or o) {
            for (Condition x : o.children()) {
                if (holds(x, p)) return true;
            }
            return false;
        }
        if (c instanceof Condition.Test t) {
            return ReferenceValues.test(t.predicate(), profileValue(t.path(), p), asOf);
        }
        if (c instanceof Condition.Did d) {
            return matching(p, d.event(), d.where(), d.window()).size() >= 1;
        }
        if (c instanceof Condition.Count k) {
            long n = matching(p, k.event(), k.where(), k.window()).size();
            return ReferenceValues.holds(k.op(), Long.compare(n, k.value()), 0);
        }
        if (c instanceof Condition.Aggregate g) {
            Double result = aggregate(g, matching(p, g.event(), g.where(), g.window()));
            return result != null && ReferenceValues.holds(g.op(), result, g.value());
        }
        if (c instanceof Condition.DaysSince s) {
            Long days = null;
            for (Message m : matching(p, s.event(), s.where(), Window.ALL_TIME)) {
                long since = java.time.temporal.ChronoUnit.DAYS.between(utcDate(m.timestamp()), utcDate(asOf));
                if (days == null || since < days) days = since;
            }
            return days != null && ReferenceValues.holds(s.op(), Long.compare(days, s.value()), 0);
        }
        if (c instanceof Condition.CountDays k) {
            Set<java.time.LocalDate> days = new java.util.HashSet<>();
            for (Message m : matching(p, k.event(), k.where(), k.window())) days.add(utcDate(m.timestamp()));
            return ReferenceValues.holds(k.op(), Long.compare(days.size(), k.value()), 0);
        }
        if (c instanceof Condition.NoShowRate r) {
            long booked = matching(p, "Appointment Booked", Condition.TRUE, r.window()).size();
            long noShows = matching(p, "Appointment No Show", Condition.TRUE, r.window()).size();
            long cancelled = matching(p, "Appointment Cancelled", Condition.TRUE, r.window()).size();
            if (booked - cancelled <= 0) return false;
            return ReferenceValues.holds(r.op(), (double) noShows / (booked - cancelled), r.value());
        }
        if (c instanceof Condition.ScreeningDue d) {
            return ReferenceScreening.due(d.program(), lookup(p.traits(), List.of("gender")), lookup(p.traits(), List.of("birthday")),
                    p.events(), asOf);
        }
        if (c instanceof Condition.Supply y) {
            Double v = ReferenceSupply.measure(y, p.events(), asOf, m -> propertiesHold(y.where(), m.properties()));
            return v != null && ReferenceValues.holds(y.op(), v, y.value());
        }
        if (c instanceof Condition.Near n) {
            Json place = profileValue(n.path(), p);
            if (!(place instanceof Json.Obj o)) return false;
            if (!(o.get("latitude") instanceof Json.Num lat) || !(o.get("longitude") instanceof Json.Num lon)) return false;
            double d = ReferenceValues.haversineKm(lat.value(), lon.value(), n.latitude(), n.longitude());
            return d <= n.radiusKm();
        }
        if (c instanceof Condition.InSegment s) {
            return holds(segments.get(s.name()), p);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    private static java.time.LocalDate utcDate(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** {@code context.x...} reads the latest context; any other path reads the traits. */
    private static Json profileValue(Path path, ReferenceProfile p) {
        List<String> segs = path.segments();
        if (segs.size() > 1 && segs.get(0).equals("context")) {
            if (p.context() == null) return null;
            return lookup(p.context(), segs.subList(1, segs.size()));
        }
        return lookup(p.traits(), segs);
    }

    /** Descends key by key; anything but an object on the way means missing (null). */
    private static Json lookup(Json.Obj root, List<String> segments) {
        Json current = root;
        for (String key : segments) {
            if (!(current instanceof Json.Obj o)) return null;
            current = o.get(key);
            if (current == null) return null;
        }
        return current;
    }

    // ---- events -------------------------------------------------------------------------------

    /** The user's events with that exact name, inside the window, passing the where clause; read order. */
    private List<Message> matching(ReferenceProfile p, String event, Condition where, Window window) {
        List<Message> out = new ArrayList<>();
        for (Message m : p.events()) {
            if (m.event().equals(event) && inWindow(m.timestamp(), window) && propertiesHold(where, m.properties())) {
                out.add(m);
            }
        }
        return out;
    }

    private boolean inWindow(long t, Window w) {
        if (t > asOf) return false;
        if (w instanceof Window.AllTime) return true;
        if (w instanceof Window.Within within) {
            return t > asOf - millis(within.span());
        }
        if (w instanceof Window.Ago ago) {
            return t > asOf - millis(ago.from()) && t <= asOf - millis(ago.to());
        }
        if (w instanceof Window.Range r) {
            return t >= r.from().toEpochMilli() && t < r.to().toEpochMilli();
        }
        throw new IllegalStateException("unknown window " + w);
    }

    private static long millis(TimeSpan span) {
        switch (span.unit()) {
            case HOURS:
                return Duration.ofHours(span.amount()).toMillis();
            case DAYS:
                return Duration.ofDays(span.amount()).toMillis();
            case WEEKS:
                return Duration.ofDays(7 * span.amount()).toMillis();
            default:
                throw new IllegalStateException("unknown unit " + span.unit());
        }
    }

    private boolean propertiesHold(Condition where, Json.Obj properties) {
        if (where instanceof Condition.Constant k) return k.value();
        if (where instanceof Condition.Not n) return !propertiesHold(n.child(), properties);
        if (where instanceof Condition.And a) {
            for (Condition x : a.children()) {
                if (!propertiesHold(x, properties)) return false;
            }
            return true;
        }
        if (where instanceof Condition.Or o) {
            for (Condition x : o.children()) {
                if (propertiesHold(x, properties)) return true;
            }
            return false;
        }
        if (where instanceof Condition.Test t) {
            // Inside where every path, context.* included, is into the event's properties.
            return ReferenceValues.test(t.predicate(), lookup(properties, t.path().segments()), asOf);
        }
        throw new IllegalStateException("a where clause cannot hold " + where);
    }

    /** The aggregate over the numeric values, or null for avg/min/max of nothing. */
    private static Double aggregate(Condition.Aggregate g, List<Message> events) {
        List<Message> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparingLong(Message::timestamp)); // stable: ties stay in read order
        List<Double> values = new ArrayList<>();
        for (Message m : byTime) {
            if (lookup(m.properties(), g.property().segments()) instanceof Json.Num n) values.add(n.value());
        }
        if (g.fn() == AggFn.SUM) {
            double sum = 0;
            for (double v : values) sum += v;
            return sum;
        }
        if (values.isEmpty()) return null;
        if (g.fn() == AggFn.AVG) {
            double sum = 0;
            for (double v : values) sum += v;
            return sum / values.size();
        }
        double best = values.get(0);
        for (double v : values) {
            if (g.fn() == AggFn.MIN ? v < best : v > best) best = v;
        }
        return best;
    }
}
