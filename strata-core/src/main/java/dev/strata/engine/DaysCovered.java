package dev.strata.engine;

import dev.strata.lang.Condition;
import dev.strata.lang.SupplyFn;

/**
 * PDC and MPR over one person's fills, fed in time order: the fast form both the columnar engine
 * and the live evaluator use. Days are UTC days numbered from the epoch. The measurement period
 * is the window's days up to and including the day of T; the index day is the first fill's; a
 * fill's supply starts on its day or, for an early refill, the day after the supply on hand runs
 * out; supply past T's day is cut off.
 */
public final class DaysCovered {
    public static final long DAY = 86_400_000L;

    private final long endDay;
    private long firstDay = Long.MIN_VALUE;
    private boolean secondDate;
    private long fills;
    /** The first day not yet covered by the fills so far. */
    private long cursor = Long.MIN_VALUE;
    private long covered;
    private long supplied;

    private DaysCovered(long endDay) {
        this.endDay = endDay;
    }

    /** A counter for the window of {@code c} evaluated at instant {@code t}. */
    public static DaysCovered at(long t) {
        return new DaysCovered(Math.floorDiv(t, DAY));
    }

    /** The first instant inside the window of {@code c} at {@code t}: midnight UTC of its first day. */
    public static long windowStart(Condition.Supply c, long t) {
        return (Math.floorDiv(t, DAY) - c.days() + 1) * DAY;
    }

    /** Adds an event of the window at instant {@code time} with the supply property's number (null when not a number). */
    public void add(long time, Double supplyProperty) {
        long supply = supplyProperty == null ? 0 : SupplyFn.supplyDays(supplyProperty);
        if (supply == 0) return;
        long day = Math.floorDiv(time, DAY);
        if (fills++ == 0) {
            firstDay = day;
            cursor = day;
        } else if (day != firstDay) {
            secondDate = true;
        }
        long start = Math.max(day, cursor);
        long end = start + supply;
        if (start <= endDay) covered += Math.min(end, endDay + 1) - start;
        cursor = end;
        supplied += supply;
    }

    /** Whether the person is measured: two fills or more, on different days. */
    public boolean eligible() {
        return secondDate;
    }

    public long fills() {
        return fills;
    }

    /** Days from the index day to T's day, both included; 0 before any fill. */
    public long periodDays() {
        return fills == 0 ? 0 : endDay - firstDay + 1;
    }

    public long coveredDays() {
        return covered;
    }

    public long suppliedDays() {
        return supplied;
    }

    /** The measure, or null when the person is not eligible. */
    public Double value(SupplyFn fn) {
        if (!eligible()) return null;
        return (double) (fn == SupplyFn.PDC ? covered : supplied) / periodDays();
    }
}
