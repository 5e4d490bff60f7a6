package dev.strata.lang;

/** A literal value in a definition: a number, a string or a boolean. */
public sealed interface Literal {

    /** A finite number; {@code -0} is kept as {@code 0}, which it equals in every comparison. */
    record Num(double value) implements Literal {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number literal must be finite, got " + value);
            }
            value = Numbers.withoutNegativeZero(value);
        }

        @Override
        public String toString() {
            return Numbers.format(value);
        }
    }

    record Str(String value) implements Literal {
        public Str {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return Strings.quote(value);
        }
    }

    record Bool(boolean value) implements Literal {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    static Literal of(double d) {
        return new Num(d);
    }

    static Literal of(String s) {
        return new Str(s);
    }

    static Literal of(boolean b) {
        return new Bool(b);
    }

    default String typeName() {
        if (this instanceof Num) return "number";
        if (this instanceof Str) return "string";
        return "boolean";
    }
}
