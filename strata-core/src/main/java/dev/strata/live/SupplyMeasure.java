package dev.strata.live;

import dev.strata.engine.DaysCovered;
import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SupplyFn;

/** PDC or MPR of one live profile at an instant, from its events in time order. */
final class SupplyMeasure {
    private SupplyMeasure() {
    }

    static DaysCovered of(Condition.Supply c, EventSeries series, long now) {
        DaysCovered days = DaysCovered.at(now);
        if (series == null) return days;
        int i1 = series.upperBound(now);
        for (int i = series.lowerBound(DaysCovered.windowStart(c, now)); i < i1; i++) {
            Json.Obj props = series.properties(i);
            if (!c.where().equals(Condition.TRUE) && !EventMatches.whereHolds(c.where(), props, now)) continue;
            if (JsonPredicates.lookup(props, SupplyFn.SUPPLY_PROPERTY.segments()) instanceof Json.Num n) days.add(series.time(i), n.value());
        }
        return days;
    }

    static boolean holds(Condition.Supply c, EventSeries series, long now) {
        Double v = of(c, series, now).value(c.fn());
        return v != null && c.op().holds(v, c.value());
    }
}
