package dev.strata.live;

import dev.strata.json.Json;
import dev.strata.lang.Cmp;
import dev.strata.lang.Literal;
import dev.strata.lang.Strings;
import dev.strata.lang.ValuePredicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The language's value predicates on one JSON value (null for a missing value): two-valued, a
 * value of another type than the literal fails, except for {@code is null}.
 */
final class JsonPredicates {
    private JsonPredicates() {
    }

    static boolean test(ValuePredicate p, Json value, long now) {
        if (p instanceof ValuePredicate.IsNull n) {
            boolean isNull = value == null || value instanceof Json.Null;
            return n.negated() != isNull;
        }
        if (p instanceof ValuePredicate.Compare c) return compare(value, c.op(), c.value());
        if (p instanceof ValuePredicate.In in) {
            if (in.negated()) {
                for (Literal l : in.values()) if (!compare(value, Cmp.NE, l)) return false;
                return true;
            }
            for (Literal l : in.values()) if (compare(value, Cmp.EQ, l)) return true;
            return false;
        }
        if (p instanceof ValuePredicate.Between b) return compare(value, Cmp.GE, b.low()) && compare(value, Cmp.LE, b.high());
        if (p instanceof ValuePredicate.Text t) return value instanceof Json.Str s && t.op().test(s.value(), t.value());
        if (p instanceof ValuePredicate.Age a) {
            Long years = ageInYears(value, now);
            return years != null && a.op().holds((double) years, a.years());
        }
        throw new IllegalStateException("unknown predicate " + p);
    }

    static boolean compare(Json value, Cmp op, Literal literal) {
        if (value instanceof Json.Num n && literal instanceof Literal.Num l) return op.holds(n.value(), l.value());
        if (value instanceof Json.Str s && literal instanceof Literal.Str l) return op.holds(Strings.compare(s.value(), l.value()));
        if (value instanceof Json.Bool b && literal instanceof Literal.Bool l) {
            if (op == Cmp.EQ) return b.value() == l.value();
            if (op == Cmp.NE) return b.value() != l.value();
        }
        return false;
    }

    /** Whole years from the date in {@code value} to {@code now} (UTC), or null when it is not a date. */
    static Long ageInYears(Json value, long now) {
        if (!(value instanceof Json.Str s)) return null;
        LocalDateTime born = parseUtc(s.value());
        if (born == null) return null;
        LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        long years = (long) at.getYear() - born.getYear();
        boolean beforeBirthday;
        if (at.getMonthValue() != born.getMonthValue()) beforeBirthday = at.getMonthValue() < born.getMonthValue();
        else if (at.getDayOfMonth() != born.getDayOfMonth()) beforeBirthday = at.getDayOfMonth() < born.getDayOfMonth();
        else beforeBirthday = at.toLocalTime().isBefore(born.toLocalTime());
        return beforeBirthday ? years - 1 : years;
    }

    /** An ISO date (midnight UTC), date-time with offset, or local date-time read as UTC; else null. */
    static LocalDateTime parseUtc(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notAnOffsetDateTime) {
            // next form
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notALocalDateTime) {
            return null;
        }
    }

    /** Descends key by key; anything but an object on the way is missing (null). */
    static Json lookup(Json root, List<String> segments) {
        Json current = root;
        for (String key : segments) {
            if (!(current instanceof Json.Obj o)) return null;
            current = o.get(key);
            if (current == null) return null;
        }
        return current;
    }
}
