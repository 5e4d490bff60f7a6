package dev.strata.lang;

/** Number formatting that the parser reads back to the same double. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            if (d == 0 && 1 / d < 0) return "-0";
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
