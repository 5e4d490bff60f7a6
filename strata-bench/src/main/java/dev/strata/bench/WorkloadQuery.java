package dev.strata.bench;

/**
 * One query of the standard workload.
 *
 * @param id         Q1..Q8, the name used in tables, CSV files and JMH parameters
 * @param definition the query in the segment language
 */
public record WorkloadQuery(String id, String definition) {
}
