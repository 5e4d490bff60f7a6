package dev.strata.analytics;

/** Which JSON keys a path of the language can name: not empty, without a back-quote or a newline. */
public final class Paths {
    private Paths() {
    }

    public static boolean isWritable(String key) {
        return !key.isEmpty() && key.indexOf('`') < 0 && key.indexOf('\n') < 0;
    }
}
