package dev.strata.analytics;

/**
 * How often one value occurs at a field: {@code rows} (profiles for a trait, events for an event
 * property) and the distinct {@code profiles} holding it, which decides whether a value is too
 * rare to suggest.
 */
public record ValueCount(Object value, long rows, long profiles) {
}
