package dev.strata.lang;

import java.time.Instant;
import java.util.Objects;

/** The time window of an event condition, relative to the evaluation instant T. */
public sealed interface Window {

    AllTime ALL_TIME = new AllTime();

    /** No window: every event up to T. */
    record AllTime() implements Window {
    }

    /** {@code within d}: (T - d, T]. */
    record Within(TimeSpan span) implements Window {
        public Within {
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code between d1 ago and d2 ago}: (T - d1, T - d2], with d1 longer than d2. */
    record Ago(TimeSpan from, TimeSpan to) implements Window {
        public Ago {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.millis() <= to.millis()) {
                throw new IllegalArgumentException("between " + from + " ago and " + to + " ago: the first duration must be longer than the second");
            }
        }
    }

    /** {@code from t1 to t2}: [t1, t2), and never past T. Instants are kept to the millisecond, years 0000 to 9999. */
    record Range(Instant from, Instant to) implements Window {
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Instants.check(from, from.toString());
            Instants.check(to, to.toString());
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from " + from + " to " + to + ": the window is empty (from must be before to)");
            }
        }
    }

    /** Inclusive lower bound in epoch millis for evaluation at {@code t}. */
    default long lowInclusive(long t) {
        if (this instanceof Within w) return t - w.span().millis() + 1;
        if (this instanceof Ago a) return t - a.from().millis() + 1;
        if (this instanceof Range r) return r.from().toEpochMilli();
        return Long.MIN_VALUE;
    }

    /** Inclusive upper bound in epoch millis for evaluation at {@code t}: never after t. */
    default long highInclusive(long t) {
        if (this instanceof Ago a) return t - a.to().millis();
        if (this instanceof Range r) return Math.min(t, r.to().toEpochMilli() - 1);
        return t;
    }
}
