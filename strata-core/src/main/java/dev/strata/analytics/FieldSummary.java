package dev.strata.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one field holds over a set of rows: how many values of each JSON kind, the range of its
 * numbers, and its distinct strings and numbers with their counts while there are few of them.
 * Fed row by row (live profiles) or in bulk (snapshot columns), then read to describe the field.
 */
public final class FieldSummary {
    private final int maxStrings;
    private final int maxNumbers;
    private long strings;
    private long numbers;
    private long trues;
    private long falses;
    private long objects;
    private long arrays;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean nonDateString;
    /** Distinct values with [rows, profiles, last owner]; null once there were too many to keep. */
    private Map<String, long[]> stringValues = new HashMap<>();
    private Map<Double, long[]> numberValues = new HashMap<>();
    private final long[] trueCounts = new long[3];
    private final long[] falseCounts = new long[3];

    /**
     * @param maxStrings distinct strings kept before giving up on listing them
     * @param maxNumbers distinct numbers kept before giving up on listing them
     */
    public FieldSummary(int maxStrings, int maxNumbers) {
        this.maxStrings = maxStrings;
        this.maxNumbers = maxNumbers;
        trueCounts[2] = falseCounts[2] = -1;
    }

    /**
     * One occurrence, or {@code n} rows of one owner.
     *
     * @param owner the profile the rows belong to: a value counts once per distinct owner, and
     *              rows of one owner must arrive together
     * @param isDate whether the string reads as a date (the caller may memoise this per value)
     */
    public void string(String value, long n, int owner, boolean isDate) {
        strings += n;
        if (!isDate) nonDateString = true;
        if (stringValues == null) return;
        long[] c = slot(stringValues, value, maxStrings);
        if (c == null) {
            stringValues = null; // too many distinct values to list
            return;
        }
        count(c, n, owner);
    }

    public void number(double value, long n, int owner) {
        numbers += n;
        if (value < min) min = value;
        if (value > max) max = value;
        if (numberValues == null) return;
        long[] c = slot(numberValues, value, maxNumbers);
        if (c == null) {
            numberValues = null; // too many distinct values to list
            return;
        }
        count(c, n, owner);
    }

    public void bool(boolean value, long n, int owner) {
        if (value) trues += n;
        else falses += n;
        count(value ? trueCounts : falseCounts, n, owner);
    }

    public void object(long n) {
        objects += n;
    }

    public void array(long n) {
        arrays += n;
    }

    /** Rows of several owners at once: the caller counted the distinct owners ({@code profiles}). */
    public void strings(String value, long rows, long profiles, boolean isDate) {
        strings += rows;
        if (!isDate) nonDateString = true;
        if (stringValues == null) return;
        long[] c = slot(stringValues, value, maxStrings);
        if (c == null) {
            stringValues = null; // too many distinct values to list
            return;
        }
        c[0] += rows;
        c[1] += profiles;
    }

    /** Numbers counted in bulk, as {@link #strings}; min and max given separately through {@link #range}. */
    public void numbers(double value, long rows, long profiles) {
        numbers += rows;
        if (numberValues == null) return;
        long[] c = slot(numberValues, value, maxNumbers);
        if (c == null) {
            numberValues = null; // too many distinct values to list
            return;
        }
        c[0] += rows;
        c[1] += profiles;
    }

    /** Numbers of a column summarised elsewhere, too many to list: only their count and range. */
    public void numbersBeyondListing(long rows, double lo, double hi) {
        numbers += rows;
        range(lo, hi);
        numberValues = null;
    }

    /** Strings of a column summarised elsewhere, too many to list. */
    public void stringsBeyondListing(long rows, boolean allDates) {
        strings += rows;
        if (!allDates) nonDateString = true;
        stringValues = null;
    }

    public void range(double lo, double hi) {
        if (lo < min) min = lo;
        if (hi > max) max = hi;
    }

    public void booleans(boolean value, long rows, long profiles) {
        if (value) trues += rows;
        else falses += rows;
        long[] c = value ? trueCounts : falseCounts;
        c[0] += rows;
        c[1] += profiles;
    }

    private static void count(long[] c, long n, int owner) {
        c[0] += n;
        if (c[2] != owner) {
            c[1]++;
            c[2] = owner;
        }
    }

    public int maxStrings() {
        return maxStrings;
    }

    public int maxNumbers() {
        return maxNumbers;
    }

    public long strings() {
        return strings;
    }

    public long numbers() {
        return numbers;
    }

    public long booleans() {
        return trues + falses;
    }

    public long objects() {
        return objects;
    }

    public long arrays() {
        return arrays;
    }

    /** Rows holding any value (missing and JSON null are not values). */
    public long present() {
        return strings + numbers + trues + falses + objects + arrays;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whether every string seen reads as a date (true when there were no strings). */
    public boolean stringsAreDates() {
        return !nonDateString;
    }

    /** Distinct strings, most rows first (ties by value); null when there were more than the limit. */
    public List<ValueCount> stringValues() {
        if (stringValues == null) return null;
        List<ValueCount> out = new ArrayList<>();
        stringValues.forEach((v, c) -> out.add(new ValueCount(v, c[0], c[1])));
        out.sort(Comparator.comparingLong(ValueCount::rows).reversed().thenComparing(v -> (String) v.value()));
        return out;
    }

    /** Distinct numbers, most rows first (ties by value); null when there were more than the limit. */
    public List<ValueCount> numberValues() {
        if (numberValues == null) return null;
        List<ValueCount> out = new ArrayList<>();
        numberValues.forEach((v, c) -> out.add(new ValueCount(v, c[0], c[1])));
        out.sort(Comparator.comparingLong(ValueCount::rows).reversed().thenComparing(v -> (Double) v.value()));
        return out;
    }

    /** true and false with their counts, most rows first, leaving out one never seen. */
    public List<ValueCount> booleanValues() {
        List<ValueCount> out = new ArrayList<>();
        if (trueCounts[0] > 0) out.add(new ValueCount(true, trueCounts[0], trueCounts[1]));
        if (falseCounts[0] > 0) out.add(new ValueCount(false, falseCounts[0], falseCounts[1]));
        out.sort(Comparator.comparingLong(ValueCount::rows).reversed());
        return out;
    }

    /** The counters of a value, created when new; null when the value is new and the map is full. */
    private static <K> long[] slot(Map<K, long[]> values, K value, int max) {
        long[] c = values.get(value);
        if (c == null && values.size() < max) {
            c = new long[] {0, 0, -1};
            values.put(value, c);
        }
        return c;
    }
}
