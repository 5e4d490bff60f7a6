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
        if (c instanceof Condition.Supply y) return SupplyMeasure.holds(y, p.events(y.event()), now);
        if (c instanceof Condition.InSegment s) {
            Condition def = refs.definition(s.name());
            return def == null ? refs.staticMember(s.name()) : holds(def, p, now, refs);
        }
        throw new IllegalStateException("unknown condition " + c);
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
