package dev.strata.live;

import dev.strata.json.Json;
import dev.strata.lang.AggFn;
import dev.strata.lang.Condition;
import dev.strata.lang.Path;
import dev.strata.lang.Window;

/**
 * The events of one name inside a window at an instant that pass a where clause: their number
 * and, for aggregates, the aggregate of a numeric property (in time order, as the spec sums).
 */
final class EventMatches {
    final long count;
    final long windowFrom;
    final long windowTo;
    /** The aggregate, or null for avg/min/max of no numeric value. */
    final Double aggregate;

    private EventMatches(long count, long windowFrom, long windowTo, Double aggregate) {
        this.count = count;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.aggregate = aggregate;
    }

    static EventMatches of(EventSeries series, Condition where, Window window, long now, AggFn fn, Path property) {
        long lo = window.lowInclusive(now);
        long hi = window.highInclusive(now);
        if (series == null || lo > hi) return new EventMatches(0, lo, hi, fn == AggFn.SUM ? Double.valueOf(0) : null);
        int i0 = series.lowerBound(lo);
        int i1 = series.upperBound(hi);
        long n = 0;
        long numeric = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = i0; i < i1; i++) {
            Json.Obj props = series.properties(i);
            if (!where.equals(Condition.TRUE) && !whereHolds(where, props, now)) continue;
            n++;
            if (fn == null) continue;
            if (!(JsonPredicates.lookup(props, property.segments()) instanceof Json.Num num)) continue;
            double v = num.value();
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
            numeric++;
        }
        Double agg = null;
        if (fn == AggFn.SUM) agg = sum;
        else if (fn != null && numeric > 0) agg = fn == AggFn.AVG ? sum / numeric : fn == AggFn.MIN ? min : max;
        return new EventMatches(n, lo, hi, agg);
    }

    /** Inside where every path, context.* included, reads the event's properties. */
    static boolean whereHolds(Condition where, Json.Obj properties, long now) {
        if (where instanceof Condition.Constant k) return k.value();
        if (where instanceof Condition.Not n) return !whereHolds(n.child(), properties, now);
        if (where instanceof Condition.And a) {
            for (Condition x : a.children()) if (!whereHolds(x, properties, now)) return false;
            return true;
        }
        if (where instanceof Condition.Or o) {
            for (Condition x : o.children()) if (whereHolds(x, properties, now)) return true;
            return false;
        }
        if (where instanceof Condition.Test t) {
            return JsonPredicates.test(t.predicate(), JsonPredicates.lookup(properties, t.path().segments()), now);
        }
        throw new IllegalStateException("a where clause cannot hold " + where);
    }
}
