package dev.strata.engine;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Bitmaps of the profiles holding each string value, true and false in one profile column: an
 * equality or {@code in} test becomes a lookup and a bitmap OR instead of a scan. Built lazily,
 * once per column, the first time a definition asks; not built for columns whose values are
 * nearly unique (an id or an e-mail), where the bitmaps would outweigh the column.
 */
final class ColumnIndex {
    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    private final Map<Integer, RoaringBitmap> byString;
    final RoaringBitmap strings;
    final RoaringBitmap trues;
    final RoaringBitmap falses;

    private ColumnIndex(Map<Integer, RoaringBitmap> byString, RoaringBitmap strings, RoaringBitmap trues, RoaringBitmap falses) {
        this.byString = byString;
        this.strings = strings;
        this.trues = trues;
        this.falses = falses;
    }

    /** Profiles whose value is the string with this dictionary code (empty for -1). */
    RoaringBitmap string(int code) {
        RoaringBitmap b = code < 0 ? null : byString.get(code);
        return b == null ? EMPTY : b;
    }

    /** The index of a profile column, or null when it has too many distinct strings to pay off. */
    static ColumnIndex build(ValueColumn column) {
        byte[] tags = column.tags;
        int rows = tags.length;
        int maxDistinct = Math.max(256, rows / 16);
        Map<Integer, RoaringBitmap> byString = new HashMap<>();
        RoaringBitmap strings = new RoaringBitmap();
        RoaringBitmap trues = new RoaringBitmap();
        RoaringBitmap falses = new RoaringBitmap();
        for (int row = 0; row < rows; row++) {
            byte t = tags[row];
            if (t == Tag.STRING) {
                RoaringBitmap b = byString.get(column.strs[row]);
                if (b == null) {
                    if (byString.size() == maxDistinct) return null;
                    b = new RoaringBitmap();
                    byString.put(column.strs[row], b);
                }
                b.add(row);
                strings.add(row);
            } else if (t == Tag.TRUE) {
                trues.add(row);
            } else if (t == Tag.FALSE) {
                falses.add(row);
            }
        }
        for (RoaringBitmap b : byString.values()) b.runOptimize();
        strings.runOptimize();
        trues.runOptimize();
        falses.runOptimize();
        return new ColumnIndex(byString, strings, trues, falses);
    }
}
