package dev.strata.lang;

import java.util.List;
import java.util.Objects;

/**
 * What a trait or property condition asks of the value at its path. Every form is two-valued:
 * apart from {@link IsNull}, a missing, null or differently typed value makes it false.
 */
public sealed interface ValuePredicate {

    /** {@code path cmp literal}. Booleans compare only with {@code =} and {@code !=}. */
    record Compare(Cmp op, Literal value) implements ValuePredicate {
        public Compare {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (value instanceof Literal.Bool && op != Cmp.EQ && op != Cmp.NE) {
                throw new IllegalArgumentException("booleans compare only with = or !=, not " + op);
            }
        }
    }

    /** {@code path [not] in (a, b, ...)}: {@code p = a or p = b}; negated: {@code p != a and p != b}. */
    record In(List<Literal> values, boolean negated) implements ValuePredicate {
        public In {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("in (...) needs at least one value");
        }
    }

    /** {@code path between low and high}, inclusive; both bounds numbers or both strings. */
    record Between(Literal low, Literal high) implements ValuePredicate {
        public Between {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low instanceof Literal.Bool || high instanceof Literal.Bool) {
                throw new IllegalArgumentException("between takes numbers or strings, not booleans");
            }
            if (low.getClass() != high.getClass()) {
                throw new IllegalArgumentException("between mixes a " + low.typeName() + " and a " + high.typeName()
                        + ": both bounds must be numbers or both strings");
            }
        }
    }

    /** {@code path is [not] null}; null means missing or JSON null. */
    record IsNull(boolean negated) implements ValuePredicate {
    }

    /** {@code path contains|starts_with|ends_with "s"}; strings only. */
    record Text(TextOp op, String value) implements ValuePredicate {
        public Text {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code age(path) cmp number}: whole years from a date to the evaluation instant. */
    record Age(Cmp op, double years) implements ValuePredicate {
        public Age {
            Objects.requireNonNull(op, "op");
            if (!Double.isFinite(years)) throw new IllegalArgumentException("age must be compared with a finite number");
            years = Numbers.withoutNegativeZero(years);
        }
    }

    enum TextOp {
        CONTAINS("contains"), STARTS_WITH("starts_with"), ENDS_WITH("ends_with");

        private final String word;

        TextOp(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean test(String value, String needle) {
            return switch (this) {
                case CONTAINS -> value.contains(needle);
                case STARTS_WITH -> value.startsWith(needle);
                case ENDS_WITH -> value.endsWith(needle);
            };
        }

        public static TextOp fromWord(String w) {
            for (TextOp t : values()) if (t.word.equals(w)) return t;
            throw new IllegalArgumentException("unknown text operator '" + w + "'");
        }
    }
}
