package dev.strata.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates packed into one comparable long — year, month, day, millisecond of day, all in UTC — so
 * that {@code age(p)} is integer arithmetic per profile. A string is a date when it is an ISO date
 * ({@code 1951-04-02}, midnight UTC), an ISO date-time with offset (converted to UTC) or a local
 * ISO date-time (taken as UTC), with a year from 0 to 9999.
 */
final class DateKeys {
    static final long NOT_A_DATE = Long.MIN_VALUE;
    private static final long DAY_MS = 86_400_000L;
    private static final long YEAR_UNIT = 13L * 32 * DAY_MS;

    private DateKeys() {
    }

    static long parse(String s) {
        LocalDateTime t;
        try {
            if (s.length() == 10) {
                t = LocalDate.parse(s).atStartOfDay();
            } else if (s.length() > 10 && s.charAt(10) == 'T') {
                t = parseDateTime(s);
            } else {
                return NOT_A_DATE;
            }
        } catch (DateTimeException e) {
            return NOT_A_DATE;
        }
        if (t == null || t.getYear() < 0 || t.getYear() > 9999) return NOT_A_DATE;
        return of(t);
    }

    private static LocalDateTime parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(s);
        }
    }

    static long ofEpochMilli(long millis) {
        return of(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC));
    }

    private static long of(LocalDateTime t) {
        long msOfDay = t.toLocalTime().toNanoOfDay() / 1_000_000;
        return ((t.getYear() * 13L + t.getMonthValue()) * 32 + t.getDayOfMonth()) * DAY_MS + msOfDay;
    }

    /**
     * The largest birth key whose age at {@code at} is at least {@code years}: age(b) >= n exactly
     * when key(b) <= at - n years, as (year, rest of year) compare lexicographically.
     */
    static long ageAtLeast(long at, long years) {
        if (years > 20_000) return Long.MIN_VALUE + 1; // no date qualifies (years run 0..9999)
        if (years < -20_000) return Long.MAX_VALUE;    // every date qualifies
        return at - years * YEAR_UNIT;
    }

}
