package dev.strata.live;

import dev.strata.engine.DaysCovered;
import dev.strata.lang.Condition;

/** {@code days_since} and {@code count_days} on one live profile's events, in UTC days. */
final class DayCounts {
    private DayCounts() {
    }

    /** Days from the latest matching event at or before now to now's day, or null without one. */
    static Long daysSince(Condition.DaysSince c, EventSeries series, long now) {
        if (series == null) return null;
        for (int i = series.upperBound(now) - 1; i >= 0; i--) {
            if (c.where().equals(Condition.TRUE) || EventMatches.whereHolds(c.where(), series.properties(i), now)) {
                return Math.floorDiv(now, DaysCovered.DAY) - Math.floorDiv(series.time(i), DaysCovered.DAY);
            }
        }
        return null;
    }

    /** The number of distinct UTC days with a matching event inside the window. */
    static long distinctDays(Condition.CountDays c, EventSeries series, long now) {
        long lo = c.window().lowInclusive(now);
        long hi = c.window().highInclusive(now);
        if (series == null || lo > hi) return 0;
        long days = 0;
        long lastDay = 0;
        int end = series.upperBound(hi);
        for (int i = series.lowerBound(lo); i < end; i++) {
            if (!c.where().equals(Condition.TRUE) && !EventMatches.whereHolds(c.where(), series.properties(i), now)) continue;
            long day = Math.floorDiv(series.time(i), DaysCovered.DAY);
            if (days == 0 || day != lastDay) days++;
            lastDay = day;
        }
        return days;
    }
}
