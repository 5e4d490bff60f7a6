package dev.strata.reference;

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

/** The meaning of one value predicate on one JSON value (null standing for a missing value). */
final class ReferenceValues {
    /** The Earth radius the spec fixes for {@code near}. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private ReferenceValues() {
    }

    static boolean test(ValuePredicate predicate, Json value, long asOf) {
        if (predicate instanceof ValuePredicate.IsNull n) {
            boolean isNull = value == null || value instanceof Json.Null;
            return n.negated() != isNull;
        }
        if (predicate instanceof ValuePredicate.Compare c) {
            return compare(value, c.op(), c.value());
        }
        if (predicate instanceof ValuePredicate.In in) {
            if (in.negated()) {
                for (Literal l : in.values()) {
                    if (!compare(value, Cmp.NE, l)) return false;
                }
                return true;
            }
            for (Literal l : in.values()) {
                if (compare(value, Cmp.EQ, l)) return true;
            }
            return false;
        }
        if (predicate instanceof ValuePredicate.Between b) {
            return compare(value, Cmp.GE, b.low()) && compare(value, Cmp.LE, b.high());
        }
        if (predicate instanceof ValuePredicate.Text t) {
            if (!(value instanceof Json.Str s)) return false;
            switch (t.op()) {
                case CONTAINS:
                    return s.value().contains(t.value());
                case STARTS_WITH:
                    return s.value().startsWith(t.value());
                case ENDS_WITH:
                    return s.value().endsWith(t.value());
                default:
                    throw new IllegalStateException("unknown text operator " + t.op());
            }
        }
        if (predicate instanceof ValuePredicate.Age a) {
            Long years = ageInYears(value, asOf);
            return years != null && holds(a.op(), (double) years, a.years());
        }
        throw new IllegalStateException("unknown predicate " + predicate);
    }

    /** {@code value op literal}; false unless both are numbers, both strings or both booleans. */
    static boolean compare(Json value, Cmp op, Literal literal) {
        if (value instanceof Json.Num n && literal instanceof Literal.Num l) {
            return holds(op, n.value(), l.value());
        }
        if (value instanceof Json.Str s && literal instanceof Literal.Str l) {
            int c = Strings.compare(s.value(), l.value());
            return holds(op, c, 0);
        }
        if (value instanceof Json.Bool b && literal instanceof Literal.Bool l) {
            if (op == Cmp.EQ) return b.value() == l.value();
            if (op == Cmp.NE) return b.value() != l.value();
            return false;
        }
        return false;
    }

    /** IEEE comparison, written out rather than delegated so the reference stands on its own. */
    static boolean holds(Cmp op, double a, double b) {
        switch (op) {
            case EQ:
                return a == b;
            case NE:
                return a != b;
            case LT:
                return a < b;
            case LE:
                return a <= b;
            case GT:
                return a > b;
            case GE:
                return a >= b;
            default:
                throw new IllegalStateException("unknown operator " + op);
        }
    }

    /**
     * Whole years from the date in {@code value} to {@code asOf}, or null when the value is not a
     * date string: tY - bY, less one when (month, day, time of day) at T is before the birthday's,
     * all in UTC.
     */
    static Long ageInYears(Json value, long asOf) {
        if (!(value instanceof Json.Str s)) return null;
        LocalDateTime born = parseUtc(s.value());
        if (born == null) return null;
        LocalDateTime now = LocalDateTime.ofInstant(Instant.ofEpochMilli(asOf), ZoneOffset.UTC);
        long years = (long) now.getYear() - born.getYear();
        boolean beforeBirthday;
        if (now.getMonthValue() != born.getMonthValue()) {
            beforeBirthday = now.getMonthValue() < born.getMonthValue();
        } else if (now.getDayOfMonth() != born.getDayOfMonth()) {
            beforeBirthday = now.getDayOfMonth() < born.getDayOfMonth();
        } else {
            beforeBirthday = now.toLocalTime().isBefore(born.toLocalTime());
        }
        return beforeBirthday ? years - 1 : years;
    }

    /**
     * An ISO date (midnight UTC), an ISO date-time with offset (moved to UTC) or an ISO local
     * date-time (read as UTC), as java.time's ISO formats read them; anything else is null.
     */
    static LocalDateTime parseUtc(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notAnOffsetDateTime) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notALocalDateTime) {
            return null;
        }
    }

    /**
     * Haversine distance in km, written term by term as the brief gives it: φ and λ in radians,
     * Δφ = φ2 - φ1, Δλ = λ2 - λ1, a = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), d = 2R·asin(√a).
     * Point 1 is the profile's location, point 2 the centre of the condition. The floating-point
     * association is pinned here because a radius can sit exactly on a computed distance.
     */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double lambda1 = Math.toRadians(lon1);
        double lambda2 = Math.toRadians(lon2);
        double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDeltaLambda = Math.sin((lambda2 - lambda1) / 2);
        double a = sinHalfDeltaPhi * sinHalfDeltaPhi
                + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
