package dev.strata.live;

import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentPrinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains a condition on one profile: each node's truth, computed by {@link ProfileEvaluator},
 * with the facts behind it. References to other segments are expanded under their node.
 */
final class ProfileExplainer {
    private ProfileExplainer() {
    }

    static Explanation.Node explain(Condition c, LiveProfile p, long now, References refs) {
        boolean holds = ProfileEvaluator.holds(c, p, now, refs);
        Map<String, Object> facts = new LinkedHashMap<>();
        List<Explanation.Node> children = new ArrayList<>();
        if (c instanceof Condition.Not n) {
            children.add(explain(n.child(), p, now, refs));
        } else if (c instanceof Condition.And a) {
            for (Condition x : a.children()) children.add(explain(x, p, now, refs));
        } else if (c instanceof Condition.Or o) {
            for (Condition x : o.children()) children.add(explain(x, p, now, refs));
        } else if (c instanceof Condition.Test t) {
            facts.put("value", plain(ProfileEvaluator.value(t.path(), p)));
        } else if (c instanceof Condition.Near n) {
            Double d = ProfileEvaluator.distanceKm(n, p);
            facts.put("distanceKm", d);
        } else if (c instanceof Condition.Did d) {
            events(facts, EventMatches.of(p.events(d.event()), d.where(), d.window(), now, null, null), p.events(d.event()));
        } else if (c instanceof Condition.Count k) {
            events(facts, EventMatches.of(p.events(k.event()), k.where(), k.window(), now, null, null), p.events(k.event()));
        } else if (c instanceof Condition.Aggregate g) {
            EventMatches m = EventMatches.of(p.events(g.event()), g.where(), g.window(), now, g.fn(), g.property());
            events(facts, m, p.events(g.event()));
            facts.put("aggregate", m.aggregate);
        } else if (c instanceof Condition.DaysSince s) {
            facts.put("daysSince", DayCounts.daysSince(s, p.events(s.event()), now));
        } else if (c instanceof Condition.CountDays k) {
            facts.put("distinctDays", DayCounts.distinctDays(k, p.events(k.event()), now));
        } else if (c instanceof Condition.NoShowRate r) {
            facts.put("noShowRate", ProfileEvaluator.noShowRate(r, p, now));
        } else if (c instanceof Condition.ScreeningDue d) {
            children.add(explain(d.expansion(), p, now, refs));
        } else if (c instanceof Condition.Supply y) {
            dev.strata.engine.DaysCovered days = SupplyMeasure.of(y, p.events(y.event()), now);
            facts.put("windowFrom", Instant.ofEpochMilli(dev.strata.engine.DaysCovered.windowStart(y, now)).toString());
            facts.put("windowTo", Instant.ofEpochMilli(now).toString());
            facts.put("fills", days.fills());
            facts.put("eligible", days.eligible());
            facts.put("periodDays", days.periodDays());
            facts.put("coveredDays", days.coveredDays());
            facts.put("suppliedDays", days.suppliedDays());
            facts.put(y.fn().word(), days.value(y.fn()));
        } else if (c instanceof Condition.InSegment s) {
            Condition def = refs.definition(s.name());
            if (def == null) facts.put("staticMember", refs.staticMember(s.name()));
            else children.add(explain(def, p, now, refs));
        }
        return new Explanation.Node(SegmentPrinter.print(c), holds, facts, children);
    }

    private static void events(Map<String, Object> facts, EventMatches m, EventSeries all) {
        facts.put("matchingEvents", m.count);
        facts.put("eventsOfThatName", all == null ? 0 : all.size());
        if (m.windowFrom != Long.MIN_VALUE) facts.put("windowFrom", Instant.ofEpochMilli(m.windowFrom).toString());
        facts.put("windowTo", Instant.ofEpochMilli(m.windowTo).toString());
        if (all != null && all.size() > 0) facts.put("latestEvent", Instant.ofEpochMilli(all.time(all.size() - 1)).toString());
    }

    /** A JSON value as plain Java (String, Double, Boolean, List, Map, null) for any serializer. */
    static Object plain(Json v) {
        if (v == null || v instanceof Json.Null) return null;
        if (v instanceof Json.Str s) return s.value();
        if (v instanceof Json.Num n) return n.value();
        if (v instanceof Json.Bool b) return b.value();
        if (v instanceof Json.Arr a) {
            List<Object> out = new ArrayList<>();
            for (Json x : a.items()) out.add(plain(x));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Json.Obj) v).fields().forEach((k, x) -> out.put(k, plain(x)));
        return out;
    }
}
