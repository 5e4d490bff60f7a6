package dev.strata.lang;

import java.util.Locale;

/** Aggregates over a numeric event property. {@code sum} of nothing is 0; the others are missing. */
public enum AggFn {
    SUM, AVG, MIN, MAX;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AggFn fromWord(String w) {
        return valueOf(w.toUpperCase(Locale.ROOT));
    }
}
