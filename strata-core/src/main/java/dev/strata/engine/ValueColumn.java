package dev.strata.engine;

import java.util.Arrays;

/**
 * One typed column: for each row (a user, or an event) the kind of value and, for numbers and
 * strings, the value. The number and string arrays are allocated only once a row needs them, so a
 * string column costs 5 bytes a row and a numeric one 9.
 */
final class ValueColumn {
    byte[] tags;
    double[] nums;
    int[] strs;
    /** Rows that hold a non-missing value; lets a sparse column be skipped quickly. */
    int present;
    /** Lazily built, for profile columns only: value bitmaps and packed dates per row. */
    private volatile Object index;
    private volatile long[] dateKeys;
    private static final Object NO_INDEX = new Object();

    ValueColumn(int capacity) {
        tags = new byte[Math.max(capacity, 16)];
    }

    /** A finished column: from {@link #compact}, or restored from a snapshot. */
    ValueColumn(byte[] tags, double[] nums, int[] strs, int present) {
        this.tags = tags;
        this.nums = nums;
        this.strs = strs;
        this.present = present;
    }

    /** The value bitmaps of this (profile) column, built on first use; null when not worth it. */
    ColumnIndex index() {
        Object i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    ColumnIndex built = ColumnIndex.build(this);
                    i = built == null ? NO_INDEX : built;
                    index = i;
                }
            }
        }
        return i == NO_INDEX ? null : (ColumnIndex) i;
    }

    /** Per row, the packed date of a string cell ({@link DateKeys}), computed once per column. */
    long[] dateKeys(java.util.function.IntToLongFunction keyOfCode) {
        long[] k = dateKeys;
        if (k == null) {
            synchronized (this) {
                k = dateKeys;
                if (k == null) {
                    k = new long[tags.length];
                    for (int row = 0; row < k.length; row++) {
                        k[row] = tags[row] == Tag.STRING ? keyOfCode.applyAsLong(strs[row]) : DateKeys.NOT_A_DATE;
                    }
                    dateKeys = k;
                }
            }
        }
        return k;
    }

    byte tag(int row) {
        return row < tags.length ? tags[row] : Tag.MISSING;
    }

    double num(int row) {
        return nums[row];
    }

    int str(int row) {
        return strs[row];
    }

    void set(int row, byte tag) {
        ensure(row);
        byte old = tags[row];
        if (old == Tag.MISSING && tag != Tag.MISSING) present++;
        else if (old != Tag.MISSING && tag == Tag.MISSING) present--;
        tags[row] = tag;
    }

    void setNumber(int row, double value) {
        set(row, Tag.NUMBER);
        if (nums == null) nums = new double[tags.length];
        else if (nums.length < tags.length) nums = Arrays.copyOf(nums, tags.length);
        nums[row] = value;
    }

    void setString(int row, int code) {
        set(row, Tag.STRING);
        if (strs == null) strs = new int[tags.length];
        else if (strs.length < tags.length) strs = Arrays.copyOf(strs, tags.length);
        strs[row] = code;
    }

    private void ensure(int row) {
        if (row >= tags.length) {
            int n = Math.max(row + 1, tags.length + (tags.length >> 1));
            tags = Arrays.copyOf(tags, n);
            if (nums != null) nums = Arrays.copyOf(nums, n);
            if (strs != null) strs = Arrays.copyOf(strs, n);
        }
    }

    /** A copy holding exactly {@code rows} rows, in the order given by {@code order} when not null. */
    ValueColumn compact(int rows, int[] order) {
        byte[] t = new byte[rows];
        double[] n = nums == null ? null : new double[rows];
        int[] s = strs == null ? null : new int[rows];
        for (int i = 0; i < rows; i++) {
            int from = order == null ? i : order[i];
            byte tag = from < tags.length ? tags[from] : Tag.MISSING;
            t[i] = tag;
            if (tag == Tag.NUMBER) n[i] = nums[from];
            else if (tag == Tag.STRING) s[i] = strs[from];
        }
        return new ValueColumn(t, n, s, present);
    }
}
