package dev.strata.engine;

import dev.strata.lang.Cmp;
import dev.strata.lang.Literal;
import dev.strata.lang.Strings;
import dev.strata.lang.ValuePredicate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Compiles a {@link ValuePredicate} against one column into a row test. Every form is
 * two-valued: a missing, null or differently typed cell fails, except for {@code is null}.
 * String predicates other than equality are memoised per dictionary code, so a column of a
 * million rows with a few hundred distinct values decodes each value once.
 */
final class ValueTests {
    private static final IntPredicate NEVER = row -> false;
    /** 9999-12-31T23:59:59.999Z, the last instant the language's dates reach. */
    private static final long LATEST_DATE_INSTANT = 253_402_300_799_999L;

    private final StringDictionary dictionary;
    private final long asOfDateKey;
    private volatile long[] dateKeys;

    ValueTests(StringDictionary dictionary, long asOf) {
        this.dictionary = dictionary;
        // A live population is built "as of" the far future; ages are read through an instant view.
        this.asOfDateKey = DateKeys.ofEpochMilli(Math.max(LATEST_DATE_INSTANT * -1, Math.min(asOf, LATEST_DATE_INSTANT)));
    }

    /** A test on a profile (trait or context) column: rows are users, so per-row caches pay off. */
    IntPredicate compileProfile(ValueColumn col, ValuePredicate p) {
        if (col != null && p instanceof ValuePredicate.Age a && col.present > 0) return age(col, a.op(), a.years(), true);
        return compile(col, p);
    }

    /** Profiles satisfying an equality or {@code in} test on strings or booleans, from the column's index; null when the test or column has none. */
    org.roaringbitmap.RoaringBitmap indexed(ValueColumn col, ValuePredicate p) {
        if (p instanceof ValuePredicate.Compare c && (c.op() == Cmp.EQ || c.op() == Cmp.NE) && !(c.value() instanceof Literal.Num)) {
            if (col == null) return new org.roaringbitmap.RoaringBitmap();
            ColumnIndex index = col.index();
            if (index == null) return null;
            org.roaringbitmap.RoaringBitmap eq = equalTo(index, c.value());
            if (c.op() == Cmp.EQ) return eq;
            org.roaringbitmap.RoaringBitmap sameType = c.value() instanceof Literal.Str ? index.strings
                    : org.roaringbitmap.RoaringBitmap.or(index.trues, index.falses);
            return org.roaringbitmap.RoaringBitmap.andNot(sameType, eq);
        }
        if (p instanceof ValuePredicate.In in && !in.negated() && in.values().stream().noneMatch(v -> v instanceof Literal.Num)) {
            if (col == null) return new org.roaringbitmap.RoaringBitmap();
            ColumnIndex index = col.index();
            if (index == null) return null;
            org.roaringbitmap.RoaringBitmap any = new org.roaringbitmap.RoaringBitmap();
            for (Literal v : in.values()) any.or(equalTo(index, v));
            return any;
        }
        return null;
    }

    /** Whether {@link #indexed} would answer, without computing the answer. */
    boolean isIndexable(ValueColumn col, ValuePredicate p) {
        boolean shape = (p instanceof ValuePredicate.Compare c && (c.op() == Cmp.EQ || c.op() == Cmp.NE) && !(c.value() instanceof Literal.Num))
                || (p instanceof ValuePredicate.In in && !in.negated() && in.values().stream().noneMatch(v -> v instanceof Literal.Num));
        return shape && (col == null || col.index() != null);
    }

    private org.roaringbitmap.RoaringBitmap equalTo(ColumnIndex index, Literal v) {
        if (v instanceof Literal.Bool b) return b.value() ? index.trues : index.falses;
        return index.string(dictionary.lookup(((Literal.Str) v).value()));
    }

    IntPredicate compile(ValueColumn col, ValuePredicate p) {
        if (col == null) {
            boolean nullTest = p instanceof ValuePredicate.IsNull n && !n.negated();
            return nullTest ? row -> true : NEVER;
        }
        final byte[] tags = col.tags;
        if (p instanceof ValuePredicate.IsNull n) {
            return n.negated() ? row -> tags[row] != Tag.MISSING : row -> tags[row] == Tag.MISSING;
        }
        if (col.present == 0) return NEVER;
        if (p instanceof ValuePredicate.Compare c) return compare(col, c.op(), c.value());
        if (p instanceof ValuePredicate.In in) return in.negated() ? notIn(col, in.values()) : in(col, in.values());
        if (p instanceof ValuePredicate.Between b) return between(col, b.low(), b.high());
        if (p instanceof ValuePredicate.Text t) {
            String needle = t.value();
            ValuePredicate.TextOp op = t.op();
            return strings(col, s -> op.test(s, needle));
        }
        if (p instanceof ValuePredicate.Age a) return age(col, a.op(), a.years(), false);
        throw new IllegalStateException("unknown predicate " + p);
    }

    private IntPredicate compare(ValueColumn col, Cmp op, Literal lit) {
        byte[] tags = col.tags;
        if (lit instanceof Literal.Num n) {
            double v = n.value();
            double[] nums = col.nums;
            if (nums == null) return NEVER;
            return row -> tags[row] == Tag.NUMBER && op.holds(nums[row], v);
        }
        if (lit instanceof Literal.Bool b) {
            byte want = (b.value() == (op == Cmp.EQ)) ? Tag.TRUE : Tag.FALSE;
            return row -> tags[row] == want;
        }
        String v = ((Literal.Str) lit).value();
        if (col.strs == null) return NEVER;
        int[] strs = col.strs;
        if (op == Cmp.EQ || op == Cmp.NE) {
            int code = dictionary.lookup(v);
            if (op == Cmp.EQ) return code < 0 ? NEVER : row -> tags[row] == Tag.STRING && strs[row] == code;
            return row -> tags[row] == Tag.STRING && strs[row] != code;
        }
        return strings(col, s -> op.holds(Strings.compare(s, v)));
    }

    private IntPredicate in(ValueColumn col, List<Literal> values) {
        IntPredicate any = NEVER;
        for (Literal v : values) any = or(any, compare(col, Cmp.EQ, v));
        return any;
    }

    /** {@code p != a and p != b}: false wherever p's type differs from any literal's. */
    private IntPredicate notIn(ValueColumn col, List<Literal> values) {
        IntPredicate all = null;
        for (Literal v : values) {
            IntPredicate ne = compare(col, Cmp.NE, v);
            all = all == null ? ne : all.and(ne);
        }
        return all;
    }

    private IntPredicate between(ValueColumn col, Literal low, Literal high) {
        byte[] tags = col.tags;
        if (low instanceof Literal.Num lo && high instanceof Literal.Num hi) {
            double a = lo.value();
            double b = hi.value();
            double[] nums = col.nums;
            if (nums == null) return NEVER;
            return row -> tags[row] == Tag.NUMBER && nums[row] >= a && nums[row] <= b;
        }
        String a = ((Literal.Str) low).value();
        String b = ((Literal.Str) high).value();
        return strings(col, s -> Strings.compare(s, a) >= 0 && Strings.compare(s, b) <= 0);
    }

    private IntPredicate age(ValueColumn col, Cmp op, double years, boolean profileColumn) {
        if (col.strs == null) return NEVER;
        LongPredicate holds = agePredicate(asOfDateKey, op, years);
        if (profileColumn) {
            long[] keys = col.dateKeys(this::dateKey);
            return row -> holds.test(keys[row]);
        }
        byte[] tags = col.tags;
        int[] strs = col.strs;
        return row -> tags[row] == Tag.STRING && holds.test(dateKey(strs[row]));
    }

    /**
     * {@code age cmp years} as a test on a birth's packed date: every comparison of the whole
     * number of years with {@code years} is one or two comparisons with the thresholds of
     * {@link DateKeys#ageAtLeast}. Ages lie within ±10,000 years, so larger bounds are clamped.
     */
    static LongPredicate agePredicate(long at, Cmp op, double years) {
        double y = Math.max(-1e6, Math.min(1e6, years));
        long up = (long) Math.ceil(y);
        long next = (long) Math.floor(y) + 1;
        boolean whole = y == Math.rint(y);
        long none = DateKeys.NOT_A_DATE;
        switch (op) {
            case GE: {
                long th = DateKeys.ageAtLeast(at, up);
                return k -> k != none && k <= th;
            }
            case GT: {
                long th = DateKeys.ageAtLeast(at, next);
                return k -> k != none && k <= th;
            }
            case LT: {
                long th = DateKeys.ageAtLeast(at, up);
                return k -> k != none && k > th;
            }
            case LE: {
                long th = DateKeys.ageAtLeast(at, next);
                return k -> k != none && k > th;
            }
            case EQ: {
                if (!whole) return k -> false;
                long lo = DateKeys.ageAtLeast(at, up + 1);
                long hi = DateKeys.ageAtLeast(at, up);
                return k -> k != none && k > lo && k <= hi;
            }
            default: {
                if (!whole) return k -> k != none;
                long lo = DateKeys.ageAtLeast(at, up + 1);
                long hi = DateKeys.ageAtLeast(at, up);
                return k -> k != none && (k <= lo || k > hi);
            }
        }
    }

    /** A test on the decoded string, evaluated once per distinct code. */
    private IntPredicate strings(ValueColumn col, Predicate<String> test) {
        if (col.strs == null) return NEVER;
        byte[] tags = col.tags;
        int[] strs = col.strs;
        byte[] memo = new byte[dictionary.size()]; // 0 unknown, 1 true, 2 false; races only recompute
        return row -> {
            if (tags[row] != Tag.STRING) return false;
            int code = strs[row];
            byte m = memo[code];
            if (m == 0) {
                m = test.test(dictionary.decode(code)) ? (byte) 1 : (byte) 2;
                memo[code] = m;
            }
            return m == 1;
        };
    }

    private long dateKey(int code) {
        long[] keys = dateKeys;
        if (keys == null) {
            synchronized (this) {
                keys = dateKeys;
                if (keys == null) {
                    keys = new long[dictionary.size()];
                    Arrays.fill(keys, Long.MAX_VALUE);
                    dateKeys = keys;
                }
            }
        }
        long k = keys[code];
        if (k == Long.MAX_VALUE) {
            k = DateKeys.parse(dictionary.decode(code));
            keys[code] = k;
        }
        return k;
    }

    private static IntPredicate or(IntPredicate a, IntPredicate b) {
        if (a == NEVER) return b;
        if (b == NEVER) return a;
        return row -> a.test(row) || b.test(row);
    }
}
