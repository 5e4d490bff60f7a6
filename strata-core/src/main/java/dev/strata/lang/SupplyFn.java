package dev.strata.lang;

import java.util.Locale;

/**
 * The medication-supply measures: {@code pdc} (proportion of days covered, PQA method) and
 * {@code mpr} (medication possession ratio). Both read the {@link #SUPPLY_PROPERTY} of each fill.
 */
public enum SupplyFn {
    PDC, MPR;

    /** The event property holding a fill's days of supply, as the synthetic population writes it. */
    public static final Path SUPPLY_PROPERTY = Path.of("days_supply");

    /** A fill's supply is counted up to this many days: far beyond any window that matters, and sums stay exact. */
    public static final long MAX_SUPPLY_DAYS = 1_000_000L;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SupplyFn fromWord(String w) {
        return valueOf(w.toUpperCase(Locale.ROOT));
    }

    /**
     * The whole days of supply a property value gives: a number rounded down, at most
     * {@link #MAX_SUPPLY_DAYS}; 0 for anything else (such an event is not a fill).
     */
    public static long supplyDays(double value) {
        if (!(value >= 1)) return 0;
        return (long) Math.min(Math.floor(value), MAX_SUPPLY_DAYS);
    }
}
