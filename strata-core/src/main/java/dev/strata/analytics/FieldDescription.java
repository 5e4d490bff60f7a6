package dev.strata.analytics;

import java.util.List;

/**
 * One field as the visual builder offers it.
 *
 * @param path     in the language's path syntax ({@code address.state}, {@code context.os.name})
 * @param type     string, number, boolean, date, geo or mixed
 * @param values   the values to suggest, most frequent first; null when the field has too many
 *                 distinct values (or is a date, geo or mixed)
 * @param min      the smallest number, for a number field; else null
 * @param max      the largest number, for a number field; else null
 * @param present  rows holding a value (profiles for traits and context, events for properties)
 */
public record FieldDescription(String path, String type, List<ValueCount> values, Double min, Double max, long present) {
}
