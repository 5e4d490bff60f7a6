package dev.strata.lang;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The instants a {@code from t1 to t2} window names, as the language and the JSON form write
 * them: a date ({@code 2025-01-01}, midnight UTC) or a date-time with {@code Z} or an offset.
 * Both are kept to the millisecond and limited to the years 0000 to 9999, the range in which the
 * ISO text has four-digit years and so reads back unchanged.
 */
public final class Instants {
    static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt].+");

    private Instants() {
    }

    /** Reads an instant; the exception's message says what is wrong with {@code text}. */
    public static Instant parse(String text) {
        Instant instant;
        if (DATE.matcher(text).matches()) {
            try {
                instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected a calendar date, found '" + text + "'");
            }
        } else if (DATE_TIME.matcher(text).matches()) {
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                if (isLocalDateTime(text)) {
                    throw new IllegalArgumentException("expected an offset (Z or one such as +02:00) at the end of the date-time '" + text + "'");
                }
                throw new IllegalArgumentException("expected an instant such as 2025-01-01 or 2025-01-01T12:00:00Z, found '" + text + "'");
            }
        } else {
            throw new IllegalArgumentException("expected an instant such as 2025-01-01 or 2025-01-01T12:00:00Z, found '" + text + "'");
        }
        check(instant, text);
        return instant;
    }

    /** Rejects instants the language cannot write: finer than a millisecond, or outside 0000-9999. */
    static void check(Instant instant, String asWritten) {
        if (instant.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("instants are kept to the millisecond: expected at most 3 decimals of a second, found '" + asWritten + "'");
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("expected an instant in the years 0000 to 9999, found '" + asWritten + "'");
        }
    }

    /** The shortest text that reads back to {@code i}: the date alone at midnight UTC. */
    static String format(Instant i) {
        if (Math.floorMod(i.getEpochSecond(), 86_400L) == 0 && i.getNano() == 0) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return i.toString();
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
