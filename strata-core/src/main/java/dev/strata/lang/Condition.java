package dev.strata.lang;

import java.util.List;
import java.util.Objects;

/**
 * The immutable condition tree every interpreter reads: the fast engine, per-user evaluation,
 * explanation, the reference evaluator and the printers. Build trees with {@link Conditions}, which
 * simplifies; the records' constructors reject trees that are not in simplified form, so two
 * equal definitions are equal trees.
 */
public sealed interface Condition {

    Constant TRUE = new Constant(true);
    Constant FALSE = new Constant(false);

    /** Conjunction of two or more conditions, none of them an And or a constant. */
    record And(List<Condition> children) implements Condition {
        public And {
            children = checkJunction(children, And.class, "and");
        }
    }

    /** Disjunction of two or more conditions, none of them an Or or a constant. */
    record Or(List<Condition> children) implements Condition {
        public Or {
            children = checkJunction(children, Or.class, "or");
        }
    }

    /** Negation: true exactly where the child is false (over all known profiles). */
    record Not(Condition child) implements Condition {
        public Not {
            Objects.requireNonNull(child, "child");
            if (child instanceof Not || child instanceof Constant) {
                throw new IllegalArgumentException("not of " + child.getClass().getSimpleName() + " is simplified away: use Conditions.not");
            }
        }
    }

    record Constant(boolean value) implements Condition {
    }

    /**
     * A trait, context or (inside {@code where}) property condition: the value at {@code path}
     * tested by {@code predicate}.
     */
    record Test(Path path, ValuePredicate predicate) implements Condition {
        public Test {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    /** {@code did event [where] [window]}: at least one matching event. */
    record Did(String event, Condition where, Window window) implements Condition {
        public Did {
            event = checkEvent(event);
            where = checkWhere(where);
            Objects.requireNonNull(window, "window");
        }
    }

    /** {@code count(event [where] [window]) cmp n}. */
    record Count(String event, Condition where, Window window, Cmp op, long value) implements Condition {
        public Count {
            event = checkEvent(event);
            where = checkWhere(where);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(op, "op");
        }
    }

    /** {@code sum|avg|min|max(event.property [where] [window]) cmp x}. */
    record Aggregate(AggFn fn, String event, Path property, Condition where, Window window, Cmp op, double value)
            implements Condition {
        public Aggregate {
            Objects.requireNonNull(fn, "fn");
            event = checkEvent(event);
            Objects.requireNonNull(property, "property");
            where = checkWhere(where);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(op, "op");
            if (!Double.isFinite(value)) throw new IllegalArgumentException("aggregates compare with a finite number");
            value = Numbers.withoutNegativeZero(value);
        }
    }

    /**
     * {@code pdc|mpr(event [where] within d) cmp x}: a medication-supply measure over the whole UTC
     * days of the window; {@code span} is in days or weeks.
     */
    record Supply(SupplyFn fn, String event, Condition where, TimeSpan span, Cmp op, double value) implements Condition {
        public Supply {
            Objects.requireNonNull(fn, "fn");
            event = checkEvent(event);
            where = checkWhere(where);
            Objects.requireNonNull(span, "span");
            if (span.unit() == TimeSpan.Unit.HOURS) throw new IllegalArgumentException(fn.word() + " counts whole days: its window must be in days or weeks, got " + span);
            Objects.requireNonNull(op, "op");
            if (!Double.isFinite(value)) throw new IllegalArgumentException(fn.word() + " compares with a finite number");
            value = Numbers.withoutNegativeZero(value);
        }

        /** The window's length in days. */
        public long days() {
            return span.unit() == TimeSpan.Unit.WEEKS ? 7 * span.amount() : span.amount();
        }
    }

    /**
     * {@code days_since(event [where]) cmp n}: whole UTC days from the day of the latest matching
     * event to T's day; false without one.
     */
    record DaysSince(String event, Condition where, Cmp op, long value) implements Condition {
        public DaysSince {
            event = checkEvent(event);
            where = checkWhere(where);
            Objects.requireNonNull(op, "op");
        }
    }

    /** {@code count_days(event [where] [window]) cmp n}: the number of distinct UTC days with a matching event. */
    record CountDays(String event, Condition where, Window window, Cmp op, long value) implements Condition {
        public CountDays {
            event = checkEvent(event);
            where = checkWhere(where);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(op, "op");
        }
    }

    /**
     * {@code no_show_rate([window]) cmp x}: no-shows / (bookings - cancellations) among the
     * appointment events of the window; false when that denominator is not positive.
     */
    record NoShowRate(Window window, Cmp op, double value) implements Condition {
        public static final String BOOKED = "Appointment Booked";
        public static final String NO_SHOW = "Appointment No Show";
        public static final String CANCELLED = "Appointment Cancelled";

        public NoShowRate {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(op, "op");
            if (!Double.isFinite(value)) throw new IllegalArgumentException("no_show_rate compares with a finite number");
            value = Numbers.withoutNegativeZero(value);
        }

        /** The rate from the three counts, or null when bookings do not exceed cancellations. */
        public static Double rate(long booked, long noShows, long cancelled) {
            long kept = booked - cancelled;
            return kept <= 0 ? null : (double) noShows / kept;
        }
    }

    /**
     * {@code screening_due("colorectal" | "breast" | "cervical")}: eligible for the program and no
     * qualifying screening in its lookback. It means exactly {@link #expansion()}.
     */
    record ScreeningDue(ScreeningProgram program) implements Condition {
        public ScreeningDue {
            Objects.requireNonNull(program, "program");
        }

        public Condition expansion() {
            return program.expansion();
        }
    }

    /** {@code near(path, lat, lon, r km)}: great-circle distance to the point at most r. */
    record Near(Path path, double latitude, double longitude, double radiusKm) implements Condition {
        public Near {
            Objects.requireNonNull(path, "path");
            if (!(latitude >= -90 && latitude <= 90)) throw new IllegalArgumentException("latitude must be between -90 and 90, got " + latitude);
            if (!(longitude >= -180 && longitude <= 180)) throw new IllegalArgumentException("longitude must be between -180 and 180, got " + longitude);
            if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) throw new IllegalArgumentException("radius must be a finite number of km >= 0, got " + radiusKm);
            latitude = Numbers.withoutNegativeZero(latitude);
            longitude = Numbers.withoutNegativeZero(longitude);
            radiusKm = Numbers.withoutNegativeZero(radiusKm);
        }
    }

    /** {@code in segment "name"}. */
    record InSegment(String name) implements Condition {
        public InSegment {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) throw new IllegalArgumentException("a segment name must not be empty");
        }
    }

    private static List<Condition> checkJunction(List<Condition> children, Class<?> self, String word) {
        List<Condition> copy = List.copyOf(children);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(word + " needs two or more conditions: use Conditions." + word);
        }
        for (Condition c : copy) {
            if (self.isInstance(c) || c instanceof Constant) {
                throw new IllegalArgumentException(word + " is not simplified (nested " + word + " or constant): use Conditions." + word);
            }
        }
        return copy;
    }

    private static String checkEvent(String event) {
        Objects.requireNonNull(event, "event");
        if (event.isEmpty()) throw new IllegalArgumentException("an event name must not be empty");
        return event;
    }

    /** A where clause holds only property tests combined with and / or / not. */
    private static Condition checkWhere(Condition where) {
        Objects.requireNonNull(where, "where (use Condition.TRUE for none)");
        if (!Conditions.isPropertyExpression(where)) {
            throw new IllegalArgumentException("a where clause may hold only property conditions, and, or and not");
        }
        return where;
    }
}
