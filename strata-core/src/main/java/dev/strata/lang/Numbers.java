package dev.strata.lang;

/** Number formatting that the parser reads back to the same double. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code -0.0} as {@code 0.0}. They are equal in every comparison the language makes, so the tree
     * keeps one of them: otherwise {@code x = -0} and {@code x = 0} would be unequal trees, and JSON
     * (whose integer {@code -0} reads back as 0) could not carry the difference.
     */
    public static double withoutNegativeZero(double d) {
        return d + 0.0;
    }

    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            if (d == 0 && 1 / d < 0) return "-0";
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
