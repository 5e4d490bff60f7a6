package dev.strata.engine;

/**
 * The set of messageIds seen, as 128-bit hashes in an open-addressing table: 16 bytes an id
 * instead of a String each (50M ids: ~1.1 GB instead of ~5 GB). The two halves of a slot sit side
 * by side so a probe touches one cache line. Two different ids collide with probability about
 * n²/2^129 (≈ 4·10^-24 for 50M ids), far below the rate of hardware faults, so the set is treated
 * as exact.
 */
final class MessageIdSet {
    private long[] slots; // [2i] = first hash, [2i+1] = second hash; (0, 0) = empty
    private int size;
    private int mask;

    MessageIdSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, expected * 2L)) - 1) << 1;
        slots = new long[cap * 2];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** Adds the id; false when it was already present. */
    boolean add(String id) {
        // Two independent multiply-xor hashes in one pass, each finished with splitmix64's mixer.
        long a = 0x9E3779B97F4A7C15L ^ id.length();
        long b = 0xC2B2AE3D27D4EB4FL ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            a = (a ^ c) * 0x100000001B3L + (a >>> 29);
            b = (b ^ c) * 0xD6E8FEB86659FD93L + (b >>> 31);
        }
        long h1 = mix(a);
        long h2 = mix(b);
        if (h1 == 0 && h2 == 0) h2 = 1;
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            long x = slots[2 * i];
            long y = slots[2 * i + 1];
            if (x == 0 && y == 0) {
                slots[2 * i] = h1;
                slots[2 * i + 1] = h2;
                if (++size * 2 > mask + 1) grow();
                return true;
            }
            if (x == h1 && y == h2) return false;
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = (slots.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            long x = old[j];
            long y = old[j + 1];
            if (x == 0 && y == 0) continue;
            int i = (int) (x ^ (x >>> 32)) & mask;
            while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) i = (i + 1) & mask;
            slots[2 * i] = x;
            slots[2 * i + 1] = y;
        }
    }

    private static long mix(long h) {
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h;
    }
}
