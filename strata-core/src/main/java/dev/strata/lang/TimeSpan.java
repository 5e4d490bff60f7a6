package dev.strata.lang;

import java.util.Objects;

/** A duration as written: an amount of hours, days or weeks (of 7 days). */
public record TimeSpan(long amount, Unit unit) {

    public enum Unit {
        HOURS('h', 3_600_000L), DAYS('d', 86_400_000L), WEEKS('w', 7 * 86_400_000L);

        private final char suffix;
        private final long millis;

        Unit(char suffix, long millis) {
            this.suffix = suffix;
            this.millis = millis;
        }

        public char suffix() {
            return suffix;
        }

        /** The unit's name in messages: hours, days, weeks. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Unit fromSuffix(char c) {
            for (Unit u : values()) if (u.suffix == c) return u;
            throw new IllegalArgumentException("unknown duration unit '" + c + "' (expected h, d or w)");
        }
    }

    /** About 29 million years in any unit: far beyond any timestamp, and no overflow in millis. */
    static final long MAX_AMOUNT = 1_000_000_000L;

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("[0-9]+[hdwHDW]");

    public TimeSpan {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("a duration must be between 1 and " + MAX_AMOUNT + ", got " + amount);
        }
    }

    /** Reads a duration as the language writes it: digits then h, d or w (either case), e.g. {@code 30d}. */
    public static TimeSpan parse(String text) {
        if (text == null || !DURATION.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a duration such as 30d, 12h or 2w, found \"" + text + "\"");
        }
        String digits = text.substring(0, text.length() - 1);
        long amount = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("expected a duration between 1 and " + MAX_AMOUNT + " " + Unit.fromSuffix(Character.toLowerCase(text.charAt(text.length() - 1))).word()
                    + ", found " + text);
        }
        return new TimeSpan(amount, Unit.fromSuffix(Character.toLowerCase(text.charAt(text.length() - 1))));
    }

    public long millis() {
        return amount * unit.millis;
    }

    @Override
    public String toString() {
        return Long.toString(amount) + unit.suffix;
    }
}
