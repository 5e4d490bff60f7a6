package dev.strata.engine;

import dev.strata.lang.AggFn;
import dev.strata.lang.Cmp;
import dev.strata.lang.Condition;
import dev.strata.lang.Window;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Compiles the leaves of a condition tree (trait, context, event and geo conditions) into
 * per-user tests over the population's columns. Both the bitmap evaluation and the one-user
 * evaluation use these, so a leaf's meaning is written once.
 */
final class LeafPredicates {
    private final Population population;
    private final ValueTests values;
    private final long asOf;
    private final ConcurrentHashMap<Condition, IntPredicate> cache = new ConcurrentHashMap<>();

    LeafPredicates(Population population, long asOf) {
        this.population = population;
        this.asOf = asOf;
        this.values = new ValueTests(population.dictionary, asOf);
    }

    /** The per-user test of a leaf (Test, Near, Did, Count, Aggregate). */
    IntPredicate of(Condition leaf) {
        IntPredicate p = cache.get(leaf);
        if (p == null) {
            p = compile(leaf);
            cache.putIfAbsent(leaf, p);
        }
        return p;
    }

    /**
     * Members of a trait or context test answered from the column's value bitmaps, or null when
     * the test needs a scan. The bitmap may be shared: callers must not modify it.
     */
    org.roaringbitmap.RoaringBitmap indexed(Condition leaf) {
        if (!(leaf instanceof Condition.Test t)) return null;
        return values.indexed(population.column(t.path()), t.predicate());
    }

    /** Whether {@link #indexed} answers this leaf without a scan. */
    boolean isIndexable(Condition leaf) {
        if (!(leaf instanceof Condition.Test t)) return false;
        return values.isIndexable(population.column(t.path()), t.predicate());
    }

    /** The event log an event condition reads, or null for other leaves or an unseen event. */
    EventLog eventLog(Condition leaf) {
        String name = eventName(leaf);
        return name == null ? null : population.events(name);
    }

    static String eventName(Condition leaf) {
        if (leaf instanceof Condition.Did d) return d.event();
        if (leaf instanceof Condition.Count c) return c.event();
        if (leaf instanceof Condition.Aggregate a) return a.event();
        if (leaf instanceof Condition.Supply y) return y.event();
        if (leaf instanceof Condition.DaysSince s) return s.event();
        if (leaf instanceof Condition.CountDays k) return k.event();
        // without a booking there is no rate: the bookings' users are the only candidates
        if (leaf instanceof Condition.NoShowRate) return Condition.NoShowRate.BOOKED;
        return null;
    }

    /** Whether an event condition holds for a user with no matching event (e.g. count(...) < 3). */
    static boolean holdsWithoutEvents(Condition leaf) {
        if (leaf instanceof Condition.Count c) return c.op().holds(Long.compare(0, c.value()));
        if (leaf instanceof Condition.CountDays k) return k.op().holds(Long.compare(0, k.value()));
        if (leaf instanceof Condition.Aggregate a) return a.fn() == AggFn.SUM && a.op().holds(0.0, a.value());
        return false;
    }

    private IntPredicate compile(Condition leaf) {
        if (leaf instanceof Condition.Test t) return values.compileProfile(population.column(t.path()), t.predicate());
        if (leaf instanceof Condition.Near n) return near(n);
        if (leaf instanceof Condition.Did d) return did(d);
        if (leaf instanceof Condition.Count c) return count(c);
        if (leaf instanceof Condition.Aggregate a) return aggregate(a);
        if (leaf instanceof Condition.Supply y) return supply(y);
        if (leaf instanceof Condition.DaysSince s) return daysSince(s);
        if (leaf instanceof Condition.CountDays k) return countDays(k);
        if (leaf instanceof Condition.NoShowRate r) return noShowRate(r);
        throw new IllegalArgumentException("not a leaf condition: " + leaf);
    }

    private IntPredicate near(Condition.Near n) {
        ValueColumn lat = population.child(n.path(), "latitude");
        ValueColumn lon = population.child(n.path(), "longitude");
        if (lat == null || lon == null || lat.nums == null || lon.nums == null) return u -> false;
        byte[] latTags = lat.tags;
        byte[] lonTags = lon.tags;
        double[] lats = lat.nums;
        double[] lons = lon.nums;
        double lat0 = n.latitude();
        double lon0 = n.longitude();
        double r = n.radiusKm();
        return u -> latTags[u] == Tag.NUMBER && lonTags[u] == Tag.NUMBER
                && !Geo.latitudeRulesOut(lats[u], lat0, r)
                && Geo.haversineKm(lats[u], lons[u], lat0, lon0) <= r;
    }

    private IntPredicate did(Condition.Did d) {
        EventLog log = population.events(d.event());
        if (log == null) return u -> false;
        IntPredicate where = where(log, d.where());
        long lo = d.window().lowInclusive(asOf);
        long hi = d.window().highInclusive(asOf);
        long[] ts = log.timestamps;
        long[] last = log.lastTimestamps;
        // A window reaching past every event (a live population read at now): the latest event decides.
        // As of an earlier instant, events after it exist and must be left out by the search below.
        if (where == null && hi >= log.maxTimestamp) return u -> last[u] != Long.MIN_VALUE && last[u] >= lo;
        return u -> {
            if (last[u] < lo) return false;
            int s = log.start(u);
            int e = log.end(u);
            if (s == e || ts[s] > hi) return false;
            int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
            int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
            if (where == null) return i1 > i0;
            for (int i = i0; i < i1; i++) {
                if (where.test(i)) return true;
            }
            return false;
        };
    }

    private IntPredicate count(Condition.Count c) {
        EventLog log = population.events(c.event());
        Cmp op = c.op();
        long target = c.value();
        if (log == null) {
            boolean zero = op.holds(Long.compare(0, target));
            return u -> zero;
        }
        IntPredicate where = where(log, c.where());
        long lo = c.window().lowInclusive(asOf);
        long hi = c.window().highInclusive(asOf);
        long[] ts = log.timestamps;
        if (where == null && hi >= log.maxTimestamp && (op == Cmp.GE || op == Cmp.GT) && target < Integer.MAX_VALUE) {
            // A window reaching past every event holds a user's last events, so "at least k" is
            // whether the k-th latest event is inside it: one read instead of a search.
            long k = op == Cmp.GE ? target : target + 1;
            if (k <= 0) return u -> true;
            int kk = (int) k;
            long[] last = log.lastTimestamps;
            return u -> {
                if (last[u] < lo) return false; // sequential read: no recent event, no random read
                int s = log.start(u);
                int e = log.end(u);
                return e - s >= kk && ts[e - kk] >= lo;
            };
        }
        return u -> {
            int s = log.start(u);
            int e = log.end(u);
            long n = 0;
            if (s < e && ts[e - 1] >= lo && ts[s] <= hi) {
                int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
                int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
                if (where == null) {
                    n = i1 - i0;
                } else {
                    for (int i = i0; i < i1; i++) {
                        if (where.test(i)) n++;
                    }
                }
            }
            return op.holds(Long.compare(n, target));
        };
    }

    private IntPredicate aggregate(Condition.Aggregate a) {
        EventLog log = population.events(a.event());
        Cmp op = a.op();
        double target = a.value();
        AggFn fn = a.fn();
        boolean emptyHolds = fn == AggFn.SUM && op.holds(0.0, target);
        if (log == null) return u -> emptyHolds;
        ValueColumn prop = log.property(a.property());
        if (prop == null || prop.nums == null) return u -> emptyHolds;
        byte[] tags = prop.tags;
        double[] nums = prop.nums;
        IntPredicate where = where(log, a.where());
        long lo = a.window().lowInclusive(asOf);
        long hi = a.window().highInclusive(asOf);
        long[] ts = log.timestamps;
        return u -> {
            int s = log.start(u);
            int e = log.end(u);
            if (s == e || ts[e - 1] < lo || ts[s] > hi) return emptyHolds;
            int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
            int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long n = 0;
            for (int i = i0; i < i1; i++) {
                if (tags[i] != Tag.NUMBER || (where != null && !where.test(i))) continue;
                double v = nums[i];
                sum += v;
                if (v < min) min = v;
                if (v > max) max = v;
                n++;
            }
            if (n == 0) return emptyHolds;
            double value = switch (fn) {
                case SUM -> sum;
                case AVG -> sum / n;
                case MIN -> min;
                case MAX -> max;
            };
            return op.holds(value, target);
        };
    }

    /** Fills are the window's events passing the where clause with a supply of a day or more; not eligible is false. */
    private IntPredicate supply(Condition.Supply c) {
        EventLog log = population.events(c.event());
        if (log == null) return u -> false;
        ValueColumn prop = log.property(dev.strata.lang.SupplyFn.SUPPLY_PROPERTY);
        if (prop == null || prop.nums == null) return u -> false;
        byte[] tags = prop.tags;
        double[] nums = prop.nums;
        IntPredicate where = where(log, c.where());
        long lo = DaysCovered.windowStart(c, asOf);
        long hi = asOf;
        long[] ts = log.timestamps;
        return u -> {
            int s = log.start(u);
            int e = log.end(u);
            if (e - s < 2 || ts[e - 1] < lo || ts[s] > hi) return false;
            int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
            int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
            DaysCovered days = DaysCovered.at(asOf);
            for (int i = i0; i < i1; i++) {
                if (tags[i] != Tag.NUMBER || (where != null && !where.test(i))) continue;
                days.add(ts[i], nums[i]);
            }
            Double v = days.value(c.fn());
            return v != null && c.op().holds(v, c.value());
        };
    }

    /** The latest matching event at or before T decides; days are UTC days. */
    private IntPredicate daysSince(Condition.DaysSince c) {
        EventLog log = population.events(c.event());
        if (log == null) return u -> false;
        IntPredicate where = where(log, c.where());
        long[] ts = log.timestamps;
        long today = Math.floorDiv(asOf, DaysCovered.DAY);
        return u -> {
            int s = log.start(u);
            int e = log.end(u);
            if (s == e || ts[s] > asOf) return false;
            int i = ts[e - 1] <= asOf ? e - 1 : log.upperBound(s, e, asOf) - 1;
            while (i >= s && where != null && !where.test(i)) i--;
            if (i < s) return false;
            long days = today - Math.floorDiv(ts[i], DaysCovered.DAY);
            return c.op().holds(Long.compare(days, c.value()));
        };
    }

    private IntPredicate noShowRate(Condition.NoShowRate c) {
        long lo = c.window().lowInclusive(asOf);
        long hi = c.window().highInclusive(asOf);
        EventLog booked = population.events(Condition.NoShowRate.BOOKED);
        if (booked == null) return u -> false;
        EventLog noShows = population.events(Condition.NoShowRate.NO_SHOW);
        EventLog cancelled = population.events(Condition.NoShowRate.CANCELLED);
        return u -> {
            Double rate = Condition.NoShowRate.rate(inWindow(booked, u, lo, hi), inWindow(noShows, u, lo, hi), inWindow(cancelled, u, lo, hi));
            return rate != null && c.op().holds(rate, c.value());
        };
    }

    /** The user's rows of a log with a timestamp in [lo, hi]. */
    private static long inWindow(EventLog log, int u, long lo, long hi) {
        if (log == null || lo > hi) return 0;
        long[] ts = log.timestamps;
        int s = log.start(u);
        int e = log.end(u);
        if (s == e || ts[e - 1] < lo || ts[s] > hi) return 0;
        int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
        int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
        return i1 - i0;
    }

    /** Distinct UTC days among the matching events of the window (rows are in time order). */
    private IntPredicate countDays(Condition.CountDays c) {
        EventLog log = population.events(c.event());
        boolean zero = c.op().holds(Long.compare(0, c.value()));
        if (log == null) return u -> zero;
        IntPredicate where = where(log, c.where());
        long lo = c.window().lowInclusive(asOf);
        long hi = c.window().highInclusive(asOf);
        long[] ts = log.timestamps;
        return u -> {
            int s = log.start(u);
            int e = log.end(u);
            if (s == e || ts[e - 1] < lo || ts[s] > hi || lo > hi) return zero;
            int i0 = ts[s] >= lo ? s : log.lowerBound(s, e, lo);
            int i1 = ts[e - 1] <= hi ? e : log.upperBound(i0, e, hi);
            long days = 0;
            long lastDay = Long.MIN_VALUE;
            for (int i = i0; i < i1; i++) {
                if (where != null && !where.test(i)) continue;
                long day = Math.floorDiv(ts[i], DaysCovered.DAY);
                if (days == 0 || day != lastDay) days++;
                lastDay = day;
            }
            return c.op().holds(Long.compare(days, c.value()));
        };
    }

    /** A row test over an event log's property columns, or null when the clause is {@code true}. */
    private IntPredicate where(EventLog log, Condition where) {
        if (where.equals(Condition.TRUE)) return null;
        return rowTest(log, where);
    }

    private IntPredicate rowTest(EventLog log, Condition c) {
        if (c instanceof Condition.Constant k) {
            boolean v = k.value();
            return i -> v;
        }
        if (c instanceof Condition.Test t) return values.compile(log.property(t.path()), t.predicate());
        if (c instanceof Condition.Not n) return rowTest(log, n.child()).negate();
        if (c instanceof Condition.And a) {
            IntPredicate p = null;
            for (Condition child : a.children()) p = p == null ? rowTest(log, child) : p.and(rowTest(log, child));
            return p;
        }
        if (c instanceof Condition.Or o) {
            IntPredicate p = null;
            for (Condition child : o.children()) p = p == null ? rowTest(log, child) : p.or(rowTest(log, child));
            return p;
        }
        throw new IllegalArgumentException("not a property condition: " + c);
    }
}
