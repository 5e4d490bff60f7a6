package dev.strata.server.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters shared by several endpoints, read with errors that name them. */
public final class Params {
    private Params() {
    }

    /** A limit within 1..max; absent means {@code dflt}. */
    public static int limit(Integer value, int dflt, int max) {
        if (value == null) return dflt;
        if (value < 1 || value > max) throw ApiException.badRequest("'limit' must be 1.." + max + ", got " + value);
        return value;
    }

    /** An instant given as ISO-8601 ({@code 2026-01-01T00:00:00Z}) or epoch milliseconds; absent means {@code dflt}. */
    public static long instant(String name, String value, long dflt) {
        if (value == null || value.isBlank()) return dflt;
        String v = value.strip();
        try {
            if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) return Long.parseLong(v);
            return Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 instant or epoch milliseconds, got '"
                    + Texts.clip(value, 60) + "'");
        }
    }
}
