package dev.strata.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The SQL that gives DuckDB the same data rules and the same Q1–Q8 semantics as the segment
 * language, written the way a careful analyst would for DuckDB: typed columns, integer user ids,
 * events sorted so that the event name and the time window prune row groups.
 *
 * <p>Why the SQL is exact under two-valued logic: every trait column holds a value only when the
 * JSON value has the type the query compares it with (a string birthday, a numeric income band, a
 * boolean diabetes flag...), so a missing, null or wrongly typed trait is SQL NULL. None of Q1–Q8
 * negates a trait test (the only negations are {@code not did}, written as NOT EXISTS), and for
 * formulas built from AND/OR alone SQL's three-valued result is TRUE exactly where the two-valued
 * result, reading NULL as false, is true. So {@code os_name <> 'web'} is false where the OS is
 * missing, as the language's {@code !=} is.
 */
final class DuckDbSql {

    static final long DAY_MILLIS = 86_400_000L;

    /** Orders a user's messages by timestamp, ties by read order: arg_max over it is "the latest". */
    private static final String LATEST = "struct_pack(ts := ts, seq := seq)";

    private DuckDbSql() {
    }

    /** Statements run once per connection, before loading. */
    static List<String> session(Path tempDirectory) {
        return List.of(
                "SET TimeZone = 'UTC'",
                // Read order decides messageId deduplication and ties: rowid must follow the file.
                "SET preserve_insertion_order = true",
                "SET temp_directory = " + quote(tempDirectory.toString()),
                // A JSON value as a typed SQL value only when it has that JSON type; NULL otherwise.
                "CREATE MACRO json_str(j) AS CASE WHEN json_type(j) = 'VARCHAR' THEN (j ->> '$') END",
                "CREATE MACRO json_num(j) AS CASE WHEN json_type(j) IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN CAST(j AS DOUBLE) END",
                "CREATE MACRO json_bool(j) AS CASE WHEN json_type(j) = 'BOOLEAN' THEN CAST(j AS BOOLEAN) END",
                // age(): an ISO date (midnight UTC), a date-time with offset (to UTC) or a local
                // date-time (as UTC). DuckDB's own cast is laxer (it takes 1975-6-5), hence the shape check.
                "CREATE MACRO iso_instant(s) AS CASE WHEN regexp_full_match(s,"
                        + " '\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?')"
                        + " THEN CAST(try_cast(s AS TIMESTAMPTZ) AS TIMESTAMP) END",
                "CREATE MACRO month_day_time(t) AS (month(t) * 100 + day(t)) * " + DAY_MILLIS
                        + "::BIGINT + hour(t) * 3600000 + minute(t) * 60000 + millisecond(t)",
                // Whole years: tY - bY, less one when T's (month, day, time of day) is before the birth's.
                "CREATE MACRO age_at(b, t) AS year(t) - year(b)"
                        + " - CASE WHEN month_day_time(t) < month_day_time(b) THEN 1 ELSE 0 END",
                "CREATE MACRO haversine_km(lat1, lon1, lat2, lon2) AS 2 * 6371.0088 * asin(sqrt("
                        + "pow(sin((radians(lat2) - radians(lat1)) / 2), 2)"
                        + " + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin((radians(lon2) - radians(lon1)) / 2), 2)))");
    }

    /** Parses the file into {@code raw}, one row per line, rowid in file order. */
    static String parse(Path ndjson) {
        return """
                CREATE TABLE raw AS
                SELECT type,
                       coalesce(nullif(userId, ''), nullif(anonymousId, '')) AS user_id,
                       messageId AS message_id,
                       epoch_ms(try_cast("timestamp" AS TIMESTAMPTZ)) AS ts,
                       event,
                       traits,
                       context,
                       json_num(properties -> '$.score') AS score,
                       json_str(properties -> '$.screening') AS screening,
                       json_str(properties -> '$.drug_class') AS drug_class
                FROM read_ndjson(%s, columns = {
                    type: 'VARCHAR', userId: 'VARCHAR', anonymousId: 'VARCHAR', messageId: 'VARCHAR',
                    "timestamp": 'VARCHAR', event: 'VARCHAR', traits: 'JSON', properties: 'JSON', context: 'JSON'})
                """.formatted(quote(ndjson.toString()));
    }

    /** From {@code raw} to the typed {@code profiles} and {@code events} the queries read. */
    static List<String> build(long asOfMillis) {
        String latest = LATEST;
        return List.of(
                // Dedup over every accepted message in read order (the first copy wins even when it
                // is after T), then drop what is after T. Calls other than identify/track, and
                // messages with no identity or a track without a name, never become messages.
                """
                CREATE TABLE msgs AS
                SELECT * FROM (
                    SELECT rowid AS seq, * FROM raw
                    WHERE type IN ('identify', 'track') AND user_id IS NOT NULL
                      AND (type = 'identify' OR coalesce(event, '') <> '')
                    QUALIFY message_id IS NULL OR row_number() OVER (PARTITION BY message_id ORDER BY rowid) = 1)
                WHERE ts <= %d
                """.formatted(asOfMillis),
                // Per trait key, the latest identify carrying the key (ties: later read); a JSON
                // null is carried like any value and so removes the key. Context likewise, from
                // any message whose context is an object.
                """
                CREATE TABLE profiles AS
                WITH latest AS (
                    SELECT user_id,
                           %s,
                           arg_max(context, %s) FILTER (WHERE json_type(context) = 'OBJECT') AS context
                    FROM msgs
                    GROUP BY user_id)
                SELECT CAST(row_number() OVER (ORDER BY user_id) AS INTEGER) AS uid,
                       user_id,
                       iso_instant(json_str(birthday)) AS birth,
                       json_str(gender) AS gender,
                       json_num(income_band) AS income_band,
                       json_str(plan) AS plan,
                       json_bool(diabetes) AS diabetes,
                       json_bool(hypertension) AS hypertension,
                       json_str(address -> '$.state') AS state,
                       json_num(address -> '$.latitude') AS latitude,
                       json_num(address -> '$.longitude') AS longitude,
                       json_str(context -> '$.os.name') AS os_name
                FROM latest
                """.formatted(latestTraits("birthday", "gender", "income_band", "plan", "diabetes",
                        "hypertension", "address"), latest),
                // Sorted by name then time: an event name and a recent window select a few
                // contiguous row groups, which DuckDB's zone maps skip to.
                """
                CREATE TABLE events AS
                SELECT p.uid, m.event, m.ts, m.score, m.screening, m.drug_class
                FROM msgs m JOIN profiles p ON p.user_id = m.user_id
                WHERE m.type = 'track'
                ORDER BY m.event, m.ts, p.uid
                """,
                "DROP TABLE msgs",
                "DROP TABLE raw");
    }

    private static String latestTraits(String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            if (sb.length() > 0) {
                sb.append(",\n       ");
            }
            // parenthesised: -> binds more loosely than AND and IS NOT NULL
            String value = "(traits -> '$." + key + "')";
            sb.append("arg_max(").append(value).append(", ").append(LATEST).append(") FILTER (WHERE type = 'identify' AND ")
                    .append(value).append(" IS NOT NULL) AS ").append(key);
        }
        return sb.toString();
    }

    /** The SQL selecting the {@code uid}s of the members of one workload query. */
    static String members(String queryId, long asOfMillis) {
        Window w = new Window(asOfMillis);
        String t = w.asOfTimestamp();
        switch (queryId) {
            case "Q1":
                return """
                        SELECT p.uid FROM profiles p
                        WHERE age_at(p.birth, %s) >= 65 AND p.state IN ('CA', 'OR')
                          AND EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                      AND e.event = 'Screening Completed' AND %s)
                          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                          AND e.event = 'App Open' AND %s)
                        """.formatted(t, w.within(365), w.within(30));
            case "Q2":
                return """
                        SELECT e.uid FROM events e
                        WHERE e.event = 'Medication Refill' AND %s
                        GROUP BY e.uid HAVING count(*) >= 3
                        """.formatted(w.within(90));
            case "Q3":
                return """
                        SELECT p.uid FROM profiles p
                        WHERE haversine_km(p.latitude, p.longitude, 34.05, -118.24) <= 25
                        """;
            case "Q4":
                return """
                        SELECT p.uid FROM profiles p
                        WHERE (p.diabetes = true OR p.hypertension = true)
                          AND (p.plan = 'medicare' OR p.income_band <= 2)
                          AND p.os_name <> 'web'
                          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                          AND e.event = 'Doctor Visit' AND %s)
                        """.formatted(w.within(180));
            case "Q5":
                return """
                        SELECT a.uid FROM (
                            SELECT e.uid FROM events e
                            WHERE e.event = 'App Open' AND %s
                            GROUP BY e.uid HAVING count(*) >= 10) a
                        WHERE EXISTS (SELECT 1 FROM events e WHERE e.uid = a.uid
                                      AND e.event = 'Appointment Booked' AND %s)
                        """.formatted(w.within(30), w.within(60));
            case "Q6":
                return """
                        SELECT p.uid FROM profiles p
                        WHERE age_at(p.birth, %s) >= 40 AND age_at(p.birth, %s) <= 64
                          AND p.gender = 'female' AND p.state IN ('CA', 'TX', 'FL', 'NY')
                          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                          AND e.event = 'Screening Completed' AND %s)
                          AND EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                      AND e.event = 'App Open' AND %s)
                        """.formatted(t, t, w.within(730), w.within(7));
            case "Q7":
                return """
                        SELECT b.uid FROM (
                            SELECT e.uid FROM events e
                            WHERE e.event = 'Appointment Booked' AND %s
                            GROUP BY e.uid HAVING count(*) >= 2) b
                        WHERE EXISTS (SELECT 1 FROM events e WHERE e.uid = b.uid
                                      AND e.event = 'Survey Answered' AND e.score >= 9 AND %s)
                        """.formatted(w.within(365), w.within(90));
            case "Q8":
                // "did A within 30d or did B within 30d" as one EXISTS over both names: the same
                // set, and the form an analyst would write for DuckDB.
                return """
                        SELECT p.uid FROM profiles p
                        WHERE haversine_km(p.latitude, p.longitude, 34.05, -118.24) <= 25
                          AND p.plan = 'medicare'
                          AND EXISTS (SELECT 1 FROM events e WHERE e.uid = p.uid
                                      AND e.event IN ('Doctor Visit', 'Appointment Booked') AND %s)
                        """.formatted(w.within(30));
            default:
                throw new IllegalArgumentException("no DuckDB SQL for workload query '" + queryId + "'");
        }
    }

    static String count(String queryId, long asOfMillis) {
        return "SELECT count(*) FROM (" + members(queryId, asOfMillis) + ")";
    }

    static String memberIds(String queryId, long asOfMillis) {
        return "SELECT p.user_id FROM profiles p WHERE p.uid IN (" + members(queryId, asOfMillis) + ") ORDER BY p.user_id";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Window bounds in epoch millis: within d is (T - d, T]. */
    private record Window(long asOf) {
        String within(int days) {
            return "e.ts > " + (asOf - days * DAY_MILLIS) + " AND e.ts <= " + asOf;
        }

        String asOfTimestamp() {
            return "TIMESTAMP '" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
                    .format(Instant.ofEpochMilli(asOf).atOffset(ZoneOffset.UTC)) + "'";
        }
    }
}
