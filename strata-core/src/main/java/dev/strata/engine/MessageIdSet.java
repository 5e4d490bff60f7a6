package dev.strata.engine;

/**
 * The set of messageIds seen, as 128-bit hashes in an open-addressing table: 16 bytes an id
 * instead of a String each (50M ids: ~1.1 GB instead of ~5 GB). Two different ids collide with
 * probability about n²/2^129 (≈ 4·10^-24 for 50M ids), far below the rate of hardware faults, so
 * the set is treated as exact.
 */
final class MessageIdSet {
    private long[] hi;
    private long[] lo;
    private int size;
    private int mask;

    MessageIdSet() {
        this(1 << 10);
    }

    MessageIdSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        hi = new long[cap];
        lo = new long[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** Adds the id; false when it was already present. */
    boolean add(String id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L, 0x100000001B3L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL, 0xD6E8FEB86659FD93L);
        if (h1 == 0 && h2 == 0) h2 = 1; // (0,0) marks an empty slot
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            long a = hi[i];
            long b = lo[i];
            if (a == 0 && b == 0) {
                hi[i] = h1;
                lo[i] = h2;
                if (++size * 2 > hi.length) grow();
                return true;
            }
            if (a == h1 && b == h2) return false;
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        hi = new long[oh.length * 2];
        lo = new long[oh.length * 2];
        mask = hi.length - 1;
        for (int j = 0; j < oh.length; j++) {
            long a = oh[j];
            long b = ol[j];
            if (a == 0 && b == 0) continue;
            int i = (int) (a ^ (a >>> 32)) & mask;
            while (hi[i] != 0 || lo[i] != 0) i = (i + 1) & mask;
            hi[i] = a;
            lo[i] = b;
        }
    }

    /** A seeded multiply-xor string hash with splitmix64's finaliser; two multipliers give two independent hashes. */
    private static long hash(String s, long seed, long multiplier) {
        long h = seed ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * multiplier + (h >>> 29);
        }
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h;
    }
}
