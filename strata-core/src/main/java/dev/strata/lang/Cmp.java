package dev.strata.lang;

/** Comparison operators of the language. */
public enum Cmp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Cmp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Cmp fromSymbol(String s) {
        for (Cmp c : values()) {
            if (c.symbol.equals(s)) return c;
        }
        throw new IllegalArgumentException("unknown comparison operator '" + s + "' (expected =, !=, <, <=, >, >=)");
    }

    /** Whether {@code compare(a, b)} (a Comparator-style result) satisfies this operator. */
    public boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    /** IEEE-754 comparison: {@code -0.0 = 0.0}; JSON has no NaN, so it never reaches here. */
    public boolean holds(double a, double b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    @Override
    public String toString() {
        return symbol;
    }
}
