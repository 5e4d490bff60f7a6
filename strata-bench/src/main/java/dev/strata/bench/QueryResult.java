package dev.strata.bench;

/**
 * One workload query measured on both sides: medians of the timed runs, and the member counts.
 */
public record QueryResult(String id, double strataMs, double duckdbMs, long strataCount, long duckdbCount) {

    public boolean countsAgree() {
        return strataCount == duckdbCount;
    }

    /** How many times longer DuckDB took than Strata (above 1: Strata is faster). */
    public double ratio() {
        return duckdbMs / strataMs;
    }
}
