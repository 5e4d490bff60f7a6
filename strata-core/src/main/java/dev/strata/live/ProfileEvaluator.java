package dev.strata.live;

import dev.strata.engine.Geo;
import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.Path;

/**
 * The segment language on one {@link LiveProfile} at an instant: the interpreter the live engine
 * uses for profiles changed since the snapshot. The conformance suite holds it to the reference.
 */
final class ProfileEvaluator {
    private ProfileEvaluator() {
    }

    static boolean holds(Condition c, LiveProfile p, long now, References refs) {
        if (c instanceof Condition.Constant k) return k.value();
        if (c instanceof Condition.Not n) return !holds(n.child(), p, now, refs);
        if (c instanceof Condition.And a) {
            for (Condition x : a.children()) if (!holds(x, p, now, refs)) return false;
            return true;
        }
        if (c instanceof Condition.Or o) {
            for (Condition x : o.children()) if (holds(x, p, now, refs)) return true;
            return false;
        }
        if (c instanceof Condition.Test t) return JsonPredicates.test(t.predicate(), value(t.path(), p), now);
        if (c instanceof Condition.Near n) {
            Double d = distanceKm(n, p);
            return d != null && d <= n.radiusKm();
        }
        if (c instanceof Condition.Did d) {
            return EventMatches.of(p.events(d.event()), d.where(), d.window(), now, null, null).count >= 1;
        }
        if (c instanceof Condition.Count k) {
            long n = EventMatches.of(p.events(k.event()), k.where(), k.window(), now, null, null).count;
            return k.op().holds(Long.compare(n, k.value()));
        }
        if (c instanceof Condition.Aggregate g) {
            Double v = EventMatches.of(p.events(g.event()), g.where(), g.window(), now, g.fn(), g.property()).aggregate;
            return v != null && g.op().holds(v, g.value());
        }
        if (c instanceof Condition.ScreeningDue d) return holds(d.expansion(), p, now, refs);
        if (c instanceof Condition.NoShowRate r) {
            Double rate = noShowRate(r, p, now);
            return rate != null && r.op().holds(rate, r.value());
        }
        if (c instanceof Condition.DaysSince s) {
            Long days = DayCounts.daysSince(s, p.events(s.event()), now);
            return days != null && s.op().holds(Long.compare(days, s.value()));
        }
        if (c instanceof Condition.CountDays k) {
            return k.op().holds(Long.compare(DayCounts.distinctDays(k, p.events(k.event()), now), k.value()));
        }
        if (c instanceof Condition.Supply y) return SupplyMeasure.holds(y, p.events(y.event()), now);
        if (c instanceof Condition.InSegment s) {
            Condition def = refs.definition(s.name());
            return def == null ? refs.staticMember(s.name()) : holds(def, p, now, refs);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    static Double noShowRate(Condition.NoShowRate r, LiveProfile p, long now) {
        return Condition.NoShowRate.rate(count(p, Condition.NoShowRate.BOOKED, r, now), count(p, Condition.NoShowRate.NO_SHOW, r, now),
                count(p, Condition.NoShowRate.CANCELLED, r, now));
    }

    private static long count(LiveProfile p, String event, Condition.NoShowRate r, long now) {
        return EventMatches.of(p.events(event), Condition.TRUE, r.window(), now, null, null).count;
    }

    /** {@code context.x} reads the latest context; any other path (a bare {@code context} too) reads the traits. */
    static Json value(Path path, LiveProfile p) {
        if (path.isContext()) {
            Json.Obj ctx = p.context();
            return ctx == null ? null : JsonPredicates.lookup(ctx, path.tail().segments());
        }
        return JsonPredicates.lookup(p.traits(), path.segments());
    }

    /** Distance from the profile's point at the path to the condition's centre, or null when it has none. */
    static Double distanceKm(Condition.Near n, LiveProfile p) {
        if (!(value(n.path(), p) instanceof Json.Obj o)) return null;
        if (!(o.get("latitude") instanceof Json.Num lat) || !(o.get("longitude") instanceof Json.Num lon)) return null;
        return Geo.haversineKm(lat.value(), lon.value(), n.latitude(), n.longitude());
    }
}
