package dev.strata.ingest.csv;

import dev.strata.ingest.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * The column holding a message's time and how to read it.
 *
 * @param format  {@code iso} (ISO-8601 with an offset or Z; a local date-time or a date is read in {@code zone}),
 *                {@code epoch_seconds}, {@code epoch_millis}, or a {@link DateTimeFormatter} pattern
 * @param pattern the compiled pattern, null for the named formats
 * @param zone    the zone of times and dates written without an offset
 */
public record TimestampRule(String column, String format, DateTimeFormatter pattern, ZoneId zone) {

    /** Epoch millis, or a {@link DateTimeException} whose message names the cell and the format. */
    public long parse(String cell) {
        String s = cell.trim();
        try {
            switch (format) {
                case "epoch_seconds":
                    return Math.multiplyExact(Long.parseLong(s), 1000L);
                case "epoch_millis":
                    return Long.parseLong(s);
                case "iso":
                    return iso(s);
                default:
                    return patterned(s);
            }
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            throw new DateTimeException("timestamp '" + cell + "' does not match the format '" + format + "'");
        }
    }

    private long iso(String s) {
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        if (hasOffset(s)) return Timestamps.parse(s);
        return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
    }

    /** A Z or a sign after the date part: {@code 2026-03-04T08:30:00Z}, {@code ...+02:00}, {@code ...-0500}. */
    private static boolean hasOffset(String s) {
        for (int i = 10; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') return true;
        }
        return false;
    }

    /**
     * One parse and field queries rather than {@code parseBest}, whose failed attempts throw: that
     * made a date-only pattern cost several times the rest of the row.
     */
    private long patterned(String s) {
        TemporalAccessor t = pattern.parse(s);
        if (t.isSupported(ChronoField.INSTANT_SECONDS)) return Instant.from(t).toEpochMilli();
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) throw new DateTimeException("the pattern gives no date");
        LocalTime time = t.query(TemporalQueries.localTime());
        return (time == null ? date.atStartOfDay(zone) : date.atTime(time).atZone(zone)).toInstant().toEpochMilli();
    }
}
