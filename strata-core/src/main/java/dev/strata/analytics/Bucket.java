package dev.strata.analytics;

import dev.strata.lang.Condition;

/**
 * One bar of a breakdown: what to call it, and the condition selecting exactly its profiles, so
 * that drilling down is {@code (base) and (condition)}.
 */
public record Bucket(String label, Condition condition) {
}
