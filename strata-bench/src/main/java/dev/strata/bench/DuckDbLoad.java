package dev.strata.bench;

/**
 * What loading one NDJSON file into DuckDB took.
 *
 * @param parseMillis DuckDB reading and parsing the file into a table
 * @param buildMillis deduplication, the as-of rules and the typed profiles and events tables
 * @param profiles    known profiles
 * @param events      track events kept
 */
public record DuckDbLoad(long parseMillis, long buildMillis, long profiles, long events) {

    public long totalMillis() {
        return parseMillis + buildMillis;
    }
}
