package dev.strata.ingest.csv;

import dev.strata.ingest.Timestamps;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

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
        try {
            return Timestamps.parse(s);
        } catch (DateTimeException noOffset) {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        }
    }

    private long patterned(String s) {
        TemporalAccessor t = pattern.parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof ZonedDateTime z) return z.toInstant().toEpochMilli();
        if (t instanceof LocalDateTime l) return l.atZone(zone).toInstant().toEpochMilli();
        return ((LocalDate) t).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
