package dev.strata.live;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Fixed pseudo-random samples of stable ids: an id is in the sample of level {@code bits} when the
 * top {@code bits} bits of its hash are zero, so each level holds about 1 in 2^bits ids and lies
 * inside the levels below it. The same id is always in or out, so estimates do not flicker.
 */
final class Sampling {
    private final int snapshotSize;
    private final RoaringBitmap[] levels = new RoaringBitmap[17];

    Sampling(int snapshotSize) {
        this.snapshotSize = snapshotSize;
    }

    static boolean sampled(int id, int bits) {
        return bits == 0 || (mix(id) >>> (32 - bits)) == 0;
    }

    /** The snapshot ids in the sample of that level (built once; do not modify). */
    synchronized RoaringBitmap snapshotIds(int bits) {
        RoaringBitmap b = levels[bits];
        if (b == null) {
            RoaringBitmapWriter<RoaringBitmap> w = RoaringBitmapWriter.writer().get();
            for (int u = 0; u < snapshotSize; u++) if (sampled(u, bits)) w.add(u);
            b = w.get();
            levels[bits] = b;
        }
        return b;
    }

    /** MurmurHash3's finaliser: consecutive ids land far apart. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
