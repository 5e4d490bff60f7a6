package dev.strata.server.analytics;

/** Numbers as people write them: a whole double goes out as an integer ({@code 3}, not {@code 3.0}). */
final class JsonNumbers {
    private static final double EXACT_LONG = 9_007_199_254_740_992d; // 2^53

    private JsonNumbers() {
    }

    static Object plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < EXACT_LONG) return d.longValue();
        return value;
    }
}
