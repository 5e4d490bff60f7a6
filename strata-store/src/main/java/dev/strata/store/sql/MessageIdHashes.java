package dev.strata.store.sql;

/**
 * The messageIds of every stored message, as 128-bit hashes in an open-addressing table (16 bytes an
 * id, not a String each). Two different ids share a hash with probability about n²/2^129, about
 * 4·10^-24 for 50M ids: far below the rate of hardware faults, so membership is treated as exact.
 * Not thread-safe: only the message log's writer thread touches it.
 */
final class MessageIdHashes {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long[] slots; // [2i], [2i+1] = the two halves of a hash; (0, 0) = empty
    private int mask;
    private int size;

    MessageIdHashes() {
        slots = new long[2 * 1024];
        mask = 1023;
    }

    int size() {
        return size;
    }

    /** A hash of the id: MurmurHash3's x64 128-bit construction over the id's UTF-16 code units. */
    static Hash128 hash(String id) {
        int length = id.length();
        long h1 = 0x9368e53c2f6af274L;
        long h2 = 0x586dcd208f7cd3fdL;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long k1 = pack(id, i);
            long k2 = pack(id, i + 4);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        for (int j = 0; i + j < length; j++) {
            long c = id.charAt(i + j);
            if (j < 4) k1 |= c << (16 * j);
            else k2 |= c << (16 * (j - 4));
        }
        h1 ^= mixK1(k1);
        h2 ^= mixK2(k2);
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        if (h1 == 0 && h2 == 0) h2 = 1; // (0, 0) marks an empty slot
        return new Hash128(h1, h2);
    }

    /** Adds the hash; false when it was already present. */
    boolean add(Hash128 h) {
        int i = home(h.high());
        while (true) {
            long x = slots[2 * i];
            long y = slots[2 * i + 1];
            if (x == 0 && y == 0) {
                slots[2 * i] = h.high();
                slots[2 * i + 1] = h.low();
                if (++size * 4L > (mask + 1L) * 3) grow();
                return true;
            }
            if (x == h.high() && y == h.low()) return false;
            i = (i + 1) & mask;
        }
    }

    boolean contains(Hash128 h) {
        int i = home(h.high());
        while (true) {
            long x = slots[2 * i];
            long y = slots[2 * i + 1];
            if (x == 0 && y == 0) return false;
            if (x == h.high() && y == h.low()) return true;
            i = (i + 1) & mask;
        }
    }

    /** Removes the hash; false when it was absent. Backward-shift deletion keeps probe chains whole. */
    boolean remove(Hash128 h) {
        int i = home(h.high());
        while (true) {
            long x = slots[2 * i];
            long y = slots[2 * i + 1];
            if (x == 0 && y == 0) return false;
            if (x == h.high() && y == h.low()) break;
            i = (i + 1) & mask;
        }
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long x = slots[2 * j];
            long y = slots[2 * j + 1];
            if (x == 0 && y == 0) break;
            int want = home(x);
            // the entry at j may fill the hole only if its home is not cyclically within (hole, j]
            boolean homeInRange = hole <= j ? (want > hole && want <= j) : (want > hole || want <= j);
            if (!homeInRange) {
                slots[2 * hole] = x;
                slots[2 * hole + 1] = y;
                hole = j;
            }
        }
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
        size--;
        return true;
    }

    private int home(long high) {
        return (int) (high ^ (high >>> 32)) & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = (slots.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            long x = old[j];
            long y = old[j + 1];
            if (x == 0 && y == 0) continue;
            int i = home(x);
            while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) i = (i + 1) & mask;
            slots[2 * i] = x;
            slots[2 * i + 1] = y;
        }
    }

    private static long pack(String s, int at) {
        return s.charAt(at) | (long) s.charAt(at + 1) << 16 | (long) s.charAt(at + 2) << 32
                | (long) s.charAt(at + 3) << 48;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    record Hash128(long high, long low) {
    }
}
