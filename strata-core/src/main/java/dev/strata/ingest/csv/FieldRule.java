package dev.strata.ingest.csv;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One column copied into a trait, property or context field.
 *
 * @param path    the field's dotted path, e.g. {@code address.state}
 * @param column  the CSV column
 * @param type    how the cell is read
 * @param format  for dates and date-times: {@code iso} or a {@link DateTimeFormatter} pattern
 * @param pattern the compiled pattern, null for {@code iso}
 * @param zone    for date-times written without an offset
 */
public record FieldRule(String path, String column, ValueType type, String format, DateTimeFormatter pattern, ZoneId zone) {
    /** The path's segments: {@code address.state} is {@code [address, state]}. */
    public List<String> segments() {
        return List.of(path.split("\\.", -1));
    }

    /** A string, number or boolean field (no format). */
    public static FieldRule plain(String path, String column, ValueType type) {
        return new FieldRule(path, column, type, "iso", null, java.time.ZoneOffset.UTC);
    }
}
