package dev.strata.live;

import dev.strata.engine.TimeSlice;
import dev.strata.lang.Condition;
import dev.strata.lang.ValuePredicate;
import dev.strata.lang.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The earliest instant after {@code now} at which a condition's answer for one profile can change
 * with no new message: an event entering or leaving a window, a birthday moving an age. It may be
 * early (the answer is then found unchanged and the next instant is scheduled) but never late, so
 * time-driven entries and exits happen when they are due without re-evaluating everyone.
 */
final class NextChange {
    static final long NEVER = Long.MAX_VALUE;
    private static final long DAY = 86_400_000L;

    private NextChange() {
    }

    /** @param definitions a dynamic segment's definition by name; null for a static segment (it does not move) */
    static long after(Condition c, long now, Timeline timeline, Function<String, Condition> definitions) {
        if (c instanceof Condition.Constant || c instanceof Condition.Near) return NEVER;
        if (c instanceof Condition.Not n) return after(n.child(), now, timeline, definitions);
        if (c instanceof Condition.And a) {
            long best = NEVER;
            for (Condition x : a.children()) best = Math.min(best, after(x, now, timeline, definitions));
            return best;
        }
        if (c instanceof Condition.Or o) {
            long best = NEVER;
            for (Condition x : o.children()) best = Math.min(best, after(x, now, timeline, definitions));
            return best;
        }
        if (c instanceof Condition.Test t) {
            return t.predicate() instanceof ValuePredicate.Age ? nextBirthday(timeline.text(t.path()), now) : NEVER;
        }
        if (c instanceof Condition.Did d) return window(timeline.eventTimes(d.event()), d.window(), d.where(), now);
        if (c instanceof Condition.Count k) return window(timeline.eventTimes(k.event()), k.window(), k.where(), now);
        if (c instanceof Condition.Aggregate g) return window(timeline.eventTimes(g.event()), g.window(), g.where(), now);
        if (c instanceof Condition.Supply y) return supply(timeline.eventTimes(y.event()), y, now);
        if (c instanceof Condition.ScreeningDue d) return after(d.expansion(), now, timeline, definitions);
        if (c instanceof Condition.NoShowRate r) {
            long best = NEVER;
            for (String event : new String[] {Condition.NoShowRate.BOOKED, Condition.NoShowRate.NO_SHOW, Condition.NoShowRate.CANCELLED}) {
                best = Math.min(best, window(timeline.eventTimes(event), r.window(), Condition.TRUE, now));
            }
            return best;
        }
        if (c instanceof Condition.CountDays k) return window(timeline.eventTimes(k.event()), k.window(), k.where(), now);
        if (c instanceof Condition.DaysSince s) return daysSince(timeline.eventTimes(s.event()), s, now);
        if (c instanceof Condition.InSegment s) {
            Condition def = definitions.apply(s.name());
            return def == null ? NEVER : after(def, now, timeline, definitions);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    /**
     * An event at t is inside {@code within d} for T in [t, t+d), inside {@code between a ago and b ago}
     * for T in [t+b, t+a), inside {@code from x to y} for T >= t when x <= t < y, and inside no
     * window before T = t. The next change is the nearest of those edges after now.
     */
    private static long window(TimeSlice times, Window w, Condition where, long now) {
        if (times.isEmpty()) return NEVER;
        long best = NEVER;
        if (w instanceof Window.Within within) {
            best = Math.min(best, times.firstAfter(now));
            best = Math.min(best, plus(times.firstAfter(now - within.span().millis()), within.span().millis()));
        } else if (w instanceof Window.Ago ago) {
            best = Math.min(best, plus(times.firstAfter(now - ago.to().millis()), ago.to().millis()));
            best = Math.min(best, plus(times.firstAfter(now - ago.from().millis()), ago.from().millis()));
        } else if (w instanceof Window.Range r) {
            long t = times.firstAfter(Math.max(now, r.from().toEpochMilli() - 1));
            if (t < r.to().toEpochMilli()) best = t;
        } else {
            best = times.firstAfter(now);
        }
        // An age inside a where clause reads the event's own date: it can move any day.
        if (mentionsAge(where)) best = Math.min(best, (Math.floorDiv(now, DAY) + 1) * DAY);
        return best;
    }

    /**
     * A supply measure reads whole UTC days: with every event fixed, it can change only at
     * midnight, when the period grows by a day and the window's first day moves on. Once no event
     * is left in the window or after it, the person stays not eligible.
     */
    private static long supply(TimeSlice times, Condition.Supply c, long now) {
        long next = times.firstAfter(now);
        if (times.firstAfter(dev.strata.engine.DaysCovered.windowStart(c, now) - 1) != NEVER) {
            next = Math.min(next, (Math.floorDiv(now, DAY) + 1) * DAY);
        }
        return next;
    }

    /**
     * Days since the latest event grow by one each midnight UTC. Without a where clause the latest
     * event is known, so the next change is the midnight the comparison flips (or a new event);
     * with one, any midnight after an event may be it.
     */
    private static long daysSince(TimeSlice times, Condition.DaysSince c, long now) {
        long next = times.firstAfter(now);
        long latest = times.lastAtOrBefore(now);
        if (latest == Long.MIN_VALUE) return next;
        long today = Math.floorDiv(now, DAY);
        if (!c.where().equals(Condition.TRUE)) return Math.min(next, (today + 1) * DAY);
        long day = Math.floorDiv(latest, DAY);
        long since = today - day;
        boolean holds = c.op().holds(Long.compare(since, c.value()));
        // the comparison of a growing whole number with n can only flip at n or n + 1
        for (long candidate : new long[] {c.value(), c.value() + 1}) {
            if (candidate > since && candidate < Long.MAX_VALUE / DAY - day
                    && c.op().holds(Long.compare(candidate, c.value())) != holds) {
                return Math.min(next, (day + candidate) * DAY);
            }
        }
        return next;
    }

    private static long plus(long t, long d) {
        return t == NEVER ? NEVER : t + d;
    }

    /** Whether an age test appears anywhere, references followed: then untouched profiles have triggers too. */
    static boolean mentionsAgeAnywhere(Condition c, Function<String, Condition> definitions) {
        return mentionsAgeAnywhere(c, definitions, new java.util.HashSet<>());
    }

    private static boolean mentionsAgeAnywhere(Condition c, Function<String, Condition> definitions, java.util.Set<String> seen) {
        if (c instanceof Condition.InSegment s) {
            Condition def = seen.add(s.name()) ? definitions.apply(s.name()) : null;
            return def != null && mentionsAgeAnywhere(def, definitions, seen);
        }
        if (c instanceof Condition.Did d) return mentionsAge(d.where());
        if (c instanceof Condition.Count k) return mentionsAge(k.where());
        if (c instanceof Condition.Aggregate g) return mentionsAge(g.where());
        if (c instanceof Condition.Supply y) return mentionsAge(y.where());
        if (c instanceof Condition.ScreeningDue d) return mentionsAgeAnywhere(d.expansion(), definitions, seen);
        if (c instanceof Condition.DaysSince s) return mentionsAge(s.where());
        if (c instanceof Condition.CountDays k) return mentionsAge(k.where());
        if (c instanceof Condition.Not n) return mentionsAgeAnywhere(n.child(), definitions, seen);
        if (c instanceof Condition.And a) return a.children().stream().anyMatch(x -> mentionsAgeAnywhere(x, definitions, seen));
        if (c instanceof Condition.Or o) return o.children().stream().anyMatch(x -> mentionsAgeAnywhere(x, definitions, seen));
        return mentionsAge(c);
    }

    private static boolean mentionsAge(Condition c) {
        if (c instanceof Condition.Test t) return t.predicate() instanceof ValuePredicate.Age;
        if (c instanceof Condition.Not n) return mentionsAge(n.child());
        if (c instanceof Condition.And a) return a.children().stream().anyMatch(NextChange::mentionsAge);
        if (c instanceof Condition.Or o) return o.children().stream().anyMatch(NextChange::mentionsAge);
        return false;
    }

    /**
     * The next instant the whole number of years since the date changes: the anniversary of its
     * month, day and time of day (UTC). A 29 February birth ages on 1 March in other years.
     */
    static long nextBirthday(String text, long now) {
        if (text == null) return NEVER;
        LocalDateTime born = JsonPredicates.parseUtc(text);
        if (born == null) return NEVER;
        int year = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).getYear();
        for (int y = year - 1; y <= year + 1; y++) {
            long at = anniversary(born, y);
            if (at > now) return at;
        }
        return anniversary(born, year + 2);
    }

    private static long anniversary(LocalDateTime born, int year) {
        LocalDateTime at;
        if (born.getMonthValue() == 2 && born.getDayOfMonth() == 29 && !LocalDate.of(year, 1, 1).isLeapYear()) {
            at = LocalDate.of(year, 3, 1).atStartOfDay();
        } else {
            at = born.withYear(year);
        }
        return at.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
