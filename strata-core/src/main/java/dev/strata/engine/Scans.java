package dev.strata.engine;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Turns a per-id predicate into a bitmap, over an id range or a candidate bitmap, split across
 * cores in chunks aligned to Roaring's 65,536-id containers so the parts merge without overlap.
 */
final class Scans {
    private static final int CHUNK = 1 << 16;
    private static final int PARALLEL_THRESHOLD = 1 << 17;

    private Scans() {
    }

    /** Ids in [0, n) satisfying p. */
    static RoaringBitmap select(int n, IntPredicate p) {
        if (n <= PARALLEL_THRESHOLD) return selectRange(0, n, p);
        int chunks = (n + CHUNK - 1) / CHUNK;
        RoaringBitmap[] parts = new RoaringBitmap[chunks];
        IntStream.range(0, chunks).parallel().forEach(i -> parts[i] = selectRange(i * CHUNK, Math.min(n, (i + 1) * CHUNK), p));
        return FastAggregation.or(parts);
    }

    /** Ids of {@code domain} satisfying p. */
    static RoaringBitmap select(RoaringBitmap domain, IntPredicate p) {
        int card = domain.getCardinality();
        if (card == 0) return new RoaringBitmap();
        if (card <= PARALLEL_THRESHOLD / 8) return selectFrom(domain, Integer.MIN_VALUE, Integer.MAX_VALUE, p);
        int first = domain.first();
        int last = domain.last();
        int firstChunk = first >>> 16;
        int chunks = (last >>> 16) - firstChunk + 1;
        RoaringBitmap[] parts = new RoaringBitmap[chunks];
        IntStream.range(0, chunks).parallel().forEach(i -> {
            int lo = (firstChunk + i) << 16;
            parts[i] = selectFrom(domain, lo, lo + CHUNK, p);
        });
        return FastAggregation.or(parts);
    }

    private static RoaringBitmap selectRange(int from, int to, IntPredicate p) {
        RoaringBitmapWriter<RoaringBitmap> w = RoaringBitmapWriter.writer().get();
        for (int i = from; i < to; i++) {
            if (p.test(i)) w.add(i);
        }
        return w.get();
    }

    /** Ids of domain in [from, to) satisfying p; to is exclusive, compared as unsigned-free ints. */
    private static RoaringBitmap selectFrom(RoaringBitmap domain, int from, int to, IntPredicate p) {
        RoaringBitmapWriter<RoaringBitmap> w = RoaringBitmapWriter.writer().get();
        PeekableIntIterator it = domain.getIntIterator();
        if (from > 0) it.advanceIfNeeded(from);
        while (it.hasNext()) {
            int id = it.peekNext();
            if (id >= to) break;
            it.next();
            if (p.test(id)) w.add(id);
        }
        return w.get();
    }
}
