package dev.strata.engine;

/**
 * Counts per dictionary code in an open-addressing table: rows, and distinct owners when rows of
 * one owner arrive together. Stops (and says so) past a number of distinct codes, so a column of
 * unique values costs a bounded table.
 */
final class CodeCounts {
    private final int limit;
    private int[] codes;
    private long[] rows;
    private long[] owners;
    private int[] lastOwner;
    private int size;
    private boolean overflowed;

    CodeCounts(int limit) {
        this.limit = limit;
        int cap = Integer.highestOneBit(Math.max(16, Math.min(limit, 1 << 16) * 2 - 1)) << 1;
        alloc(cap);
    }

    private void alloc(int cap) {
        codes = new int[cap];
        java.util.Arrays.fill(codes, -1);
        rows = new long[cap];
        owners = new long[cap];
        lastOwner = new int[cap];
    }

    void add(int code, int owner) {
        if (overflowed) return;
        int mask = codes.length - 1;
        int i = mix(code) & mask;
        while (codes[i] != -1 && codes[i] != code) i = (i + 1) & mask;
        if (codes[i] == -1) {
            if (size == limit) {
                overflowed = true;
                return;
            }
            codes[i] = code;
            lastOwner[i] = Integer.MIN_VALUE;
            size++;
            if (size * 2 > codes.length) {
                grow();
                add(code, owner);
                return;
            }
        }
        rows[i]++;
        if (lastOwner[i] != owner) {
            owners[i]++;
            lastOwner[i] = owner;
        }
    }

    private void grow() {
        int[] c = codes;
        long[] r = rows;
        long[] o = owners;
        int[] l = lastOwner;
        alloc(c.length * 2);
        int mask = codes.length - 1;
        for (int j = 0; j < c.length; j++) {
            if (c[j] == -1) continue;
            int i = mix(c[j]) & mask;
            while (codes[i] != -1) i = (i + 1) & mask;
            codes[i] = c[j];
            rows[i] = r[j];
            owners[i] = o[j];
            lastOwner[i] = l[j];
        }
    }

    private static int mix(int code) {
        return code * 0x9E3779B1;
    }

    boolean overflowed() {
        return overflowed;
    }

    interface Visitor {
        void visit(int code, long rows, long owners);
    }

    void forEach(Visitor v) {
        for (int i = 0; i < codes.length; i++) if (codes[i] != -1) v.visit(codes[i], rows[i], owners[i]);
    }
}
