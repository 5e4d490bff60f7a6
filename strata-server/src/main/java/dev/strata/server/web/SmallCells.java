package dev.strata.server.web;

import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * How counts are shown to a caller: the one place the small-cell rule is applied.
 *
 * <p>Admins and editors see exact numbers. For anyone else (analysts), a count from 1 to 10 could
 * single people out and is shown as {@code "<11"} (primary suppression). Counts tied by a linear
 * relation — breakdown buckets and missing adding up to the total, a day's entries and exits
 * between two consecutive sizes — would let a suppressed one be worked out from the others, so in
 * each such relation that has exactly one count not shown, one more is shown as {@code "hidden"}
 * (secondary suppression): the smallest non-zero shown one, preferring the parts over totals. That
 * can leave another relation with a single unknown, so it repeats until none has. Zero stays 0.
 */
public final class SmallCells {
    public static final String SMALL = "<11";
    public static final String HIDDEN = "hidden";

    private final boolean exact;

    private SmallCells(boolean exact) {
        this.exact = exact;
    }

    /** The rule for this caller: exact for roles with access to personal data. */
    public static SmallCells of(Caller caller) {
        return new SmallCells(caller.role() == Role.ADMIN || caller.role() == Role.EDITOR);
    }

    public static SmallCells exact() {
        return new SmallCells(true);
    }

    public static SmallCells suppressed() {
        return new SmallCells(false);
    }

    /** Whether counts are shown exactly (the caller may see personal data). */
    public boolean isExact() {
        return exact;
    }

    /** A count on its own: a number, or {@code "<11"}. */
    public Object count(long n) {
        return isSmall(n) ? SMALL : n;
    }

    /**
     * A count out of a whole that is shown beside it (members reachable out of a segment's size):
     * {@code "<11"} when the count is 1..10, and {@code "hidden"} when the rest of the whole is
     * 1..10, since the whole minus the count would show that small rest.
     */
    public Object partOf(long n, long whole) {
        if (isSmall(n)) return SMALL;
        return isSmall(whole - n) ? HIDDEN : n;
    }

    /** The count as the caller sees it, for endpoints that had it before the console. */
    public static Object shown(long n, Caller caller) {
        return of(caller).count(n);
    }

    /** Whether this caller may not see {@code n} as a number: 1..10 for roles without personal data. */
    public boolean isSmall(long n) {
        return !exact && n >= 1 && n <= 10;
    }

    /** A set of counts with the relations between them; read them through {@link #shown(int)}. */
    public Table table() {
        return new Table();
    }

    /** Counts that are shown together, with the relations that tie them. */
    public final class Table {
        private final List<long[]> cells = new ArrayList<>(); // value, rank
        private final List<int[]> relations = new ArrayList<>();
        private Object[] shown;

        private Table() {
        }

        /** A part (a bucket, an entry count): hidden first when a relation needs one more hidden. */
        public int part(long value) {
            return add(value, 0);
        }

        /** A total (a size, the whole population): hidden only when no part of the relation can be. */
        public int total(long value) {
            return add(value, 1);
        }

        private int add(long value, int rank) {
            if (shown != null) throw new IllegalStateException("the table was read already");
            cells.add(new long[] {value, rank});
            return cells.size() - 1;
        }

        /** The cells of one linear relation: any one of them follows from all the others. */
        public void relate(int... members) {
            if (shown != null) throw new IllegalStateException("the table was read already");
            relations.add(members.clone());
        }

        /** A number, {@code "<11"} or {@code "hidden"}. */
        public Object shown(int cell) {
            if (shown == null) solve();
            return shown[cell];
        }

        /** The value shown as a number, or null when it is not shown as one. */
        public Long number(int cell) {
            return shown(cell) instanceof Long n ? n : null;
        }

        private void solve() {
            Object[] out = new Object[cells.size()];
            for (int i = 0; i < out.length; i++) out[i] = count(cells.get(i)[0]);
            if (!exact) {
                boolean changed = true;
                while (changed) {
                    changed = false;
                    for (int[] r : relations) {
                        int unknown = 0;
                        for (int m : r) if (!(out[m] instanceof Long)) unknown++;
                        if (unknown != 1) continue;
                        int pick = smallestShown(r, out);
                        if (pick < 0) continue; // every other member is 0: the unknown one is 0 too, never small
                        out[pick] = HIDDEN;
                        changed = true;
                    }
                }
            }
            shown = out;
        }

        /** The smallest non-zero shown member of lowest rank, or -1. */
        private int smallestShown(int[] relation, Object[] out) {
            int best = -1;
            for (int m : relation) {
                if (!(out[m] instanceof Long v) || v == 0) continue;
                if (best < 0) {
                    best = m;
                    continue;
                }
                long[] c = cells.get(m);
                long[] b = cells.get(best);
                if (c[1] < b[1] || (c[1] == b[1] && c[0] < b[0])) best = m;
            }
            return best;
        }
    }
}
