package dev.strata.ingest.csv;

import dev.strata.json.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** The JSON type a column's cells become. */
public enum ValueType {
    STRING, NUMBER, BOOLEAN,
    /** a calendar date, stored as an ISO {@code yyyy-MM-dd} string (what {@code age(birthday)} reads) */
    DATE,
    /** an instant, stored as an ISO-8601 UTC string */
    DATETIME;

    /** Decimal numbers only: Java's parser would also take {@code 0x1p3}, {@code 1d} or {@code NaN}. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The name used in mapping files. */
    public String mappingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The cell as this type, or {@link BadCellException} saying why not. */
    Json read(String cell, FieldRule rule) throws BadCellException {
        String s = cell.trim();
        switch (this) {
            case STRING:
                return new Json.Str(cell);
            case NUMBER:
                if (!DECIMAL.matcher(s).matches()) throw new BadCellException("'" + cell + "' is not a number");
                double d = Double.parseDouble(s);
                if (Double.isInfinite(d)) throw new BadCellException("'" + cell + "' is out of range for a number");
                return new Json.Num(d);
            case BOOLEAN:
                return bool(cell, s.toLowerCase(Locale.ROOT));
            case DATE:
                try {
                    LocalDate date = rule.pattern() == null ? LocalDate.parse(s) : LocalDate.parse(s, rule.pattern());
                    return new Json.Str(date.toString());
                } catch (DateTimeException e) {
                    throw new BadCellException("'" + cell + "' is not a date in the format '" + rule.format() + "'");
                }
            default:
                try {
                    long millis = new TimestampRule(rule.column(), rule.format(), rule.pattern(), rule.zone()).parse(cell);
                    return new Json.Str(Instant.ofEpochMilli(millis).toString());
                } catch (DateTimeException e) {
                    throw new BadCellException("'" + cell + "' is not a date-time in the format '" + rule.format() + "'");
                }
        }
    }

    private static Json bool(String cell, String s) throws BadCellException {
        switch (s) {
            case "true": case "t": case "yes": case "y": case "1":
                return Json.TRUE;
            case "false": case "f": case "no": case "n": case "0":
                return Json.FALSE;
            default:
                throw new BadCellException("'" + cell + "' is not a boolean (true/false, yes/no, 1/0)");
        }
    }

    /** A cell that cannot be read as its column's type. */
    static final class BadCellException extends Exception {
        private static final long serialVersionUID = 1L;

        BadCellException(String reason) {
            super(reason, null, false, false);
        }
    }
}
