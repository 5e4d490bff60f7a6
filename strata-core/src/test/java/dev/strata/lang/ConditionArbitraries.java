package dev.strata.lang;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of condition trees covering every construct of the language, for property tests
 * here and in other modules (the engine and the reference evaluator compare on the same trees).
 * Every tree is built through {@link Conditions}, so it is in simplified form.
 *
 * <p>The values lean towards the awkward: reserved words and function words as path segments,
 * back-quoted segments with dots and spaces, strings with quotes, escapes, control characters and
 * characters outside the Basic Multilingual Plane, numbers at the edges of the double range.
 */
public final class ConditionArbitraries {
    private ConditionArbitraries() {
    }

    /** Earliest and latest instants a window may name: the years 0000 to 9999. */
    static final long MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    static final long MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    /** Any condition, nested up to four levels of and / or / not. */
    public static Arbitrary<Condition> conditions() {
        return conditions(4);
    }

    public static Arbitrary<Condition> conditions(int depth) {
        Arbitrary<Condition> leaf = leaves();
        if (depth == 0) return leaf;
        Arbitrary<Condition> sub = conditions(depth - 1);
        return opaque(Arbitraries.frequencyOf(
                Tuple.of(6, leaf),
                Tuple.of(2, sub.list().ofMinSize(1).ofMaxSize(4).map(Conditions::and)),
                Tuple.of(2, sub.list().ofMinSize(1).ofMaxSize(4).map(Conditions::or)),
                Tuple.of(1, sub.map(Conditions::not))));
    }

    /**
     * Hides an arbitrary's structure from jqwik's generator cache, which hashes arbitraries
     * structurally on every draw: without this, nested trees take time exponential in their depth.
     */
    private static <T> Arbitrary<T> opaque(Arbitrary<T> a) {
        return Arbitraries.lazy(() -> a);
    }

    /** Conditions without and / or / not around them. */
    public static Arbitrary<Condition> leaves() {
        return opaque(Arbitraries.frequencyOf(
                Tuple.of(5, tests()),
                Tuple.of(3, dids()),
                Tuple.of(2, counts()),
                Tuple.of(2, aggregates()),
                Tuple.of(2, supplies()),
                Tuple.of(1, Arbitraries.of(ScreeningProgram.class).map(Conditions::screeningDue)),
                Tuple.of(1, Combinators.combine(windows(), cmps(), numbers()).as(Conditions::noShowRate)),
                Tuple.of(1, Combinators.combine(eventNames(), wheres(), cmps(), Arbitraries.longs()).as(Conditions::daysSince)),
                Tuple.of(1, Combinators.combine(eventNames(), wheres(), windows(), cmps(), Arbitraries.longs().between(-3, 400))
                        .as(Conditions::countDays)),
                Tuple.of(1, nears()),
                Tuple.of(1, segmentRefs()),
                Tuple.of(1, Arbitraries.of(Condition.TRUE, Condition.FALSE))));
    }

    public static Arbitrary<Condition> tests() {
        return Combinators.combine(paths(), predicates()).as(Conditions::test);
    }

    /** What a where clause may hold: property tests under and / or / not, nested up to 3 levels. */
    public static Arbitrary<Condition> propertyExpressions(int depth) {
        Arbitrary<Condition> leaf = Arbitraries.frequencyOf(
                Tuple.of(10, tests()),
                Tuple.of(1, Arbitraries.of(Condition.TRUE, Condition.FALSE)));
        if (depth == 0) return leaf;
        Arbitrary<Condition> sub = propertyExpressions(depth - 1);
        return opaque(Arbitraries.frequencyOf(
                Tuple.of(5, leaf),
                Tuple.of(2, sub.list().ofMinSize(1).ofMaxSize(3).map(Conditions::and)),
                Tuple.of(2, sub.list().ofMinSize(1).ofMaxSize(3).map(Conditions::or)),
                Tuple.of(1, sub.map(Conditions::not))));
    }

    /** A where clause, most often none ({@link Condition#TRUE}). */
    static Arbitrary<Condition> wheres() {
        return opaque(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Condition.TRUE)),
                Tuple.of(3, tests()),
                Tuple.of(2, propertyExpressions(3))));
    }

    public static Arbitrary<Condition> dids() {
        return Combinators.combine(eventNames(), wheres(), windows()).as(Conditions::did);
    }

    public static Arbitrary<Condition> counts() {
        Arbitrary<Long> values = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.longs().between(0, 20)),
                Tuple.of(1, Arbitraries.longs()));
        return Combinators.combine(eventNames(), wheres(), windows(), cmps(), values).as(Conditions::count);
    }

    public static Arbitrary<Condition> aggregates() {
        return Combinators.combine(Arbitraries.of(AggFn.class), eventNames(), paths(), wheres(), windows(), cmps(), numbers())
                .as(Conditions::aggregate);
    }

    public static Arbitrary<Condition> supplies() {
        Arbitrary<TimeSpan> days = timeSpans().filter(s -> s.unit() != TimeSpan.Unit.HOURS);
        return Combinators.combine(Arbitraries.of(SupplyFn.class), eventNames(), wheres(), days, cmps(), numbers())
                .as(Conditions::supply);
    }

    public static Arbitrary<Condition> nears() {
        Arbitrary<Double> lat = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90), Arbitraries.of(-90.0, 90.0, 0.0, -0.0, 34.05));
        Arbitrary<Double> lon = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180), Arbitraries.of(-180.0, 180.0, -118.24));
        Arbitrary<Double> radius = Arbitraries.oneOf(Arbitraries.doubles().between(0, 20_000), Arbitraries.of(0.0, -0.0, 25.0, 1e300));
        return Combinators.combine(paths(), lat, lon, radius).as(Conditions::near);
    }

    public static Arbitrary<Condition> segmentRefs() {
        return texts().filter(s -> !s.isEmpty()).map(Conditions::inSegment);
    }

    public static Arbitrary<ValuePredicate> predicates() {
        Arbitrary<ValuePredicate> compare = Combinators.combine(cmps(), literals())
                .filter((op, v) -> !(v instanceof Literal.Bool) || op == Cmp.EQ || op == Cmp.NE)
                .as(ValuePredicate.Compare::new);
        Arbitrary<ValuePredicate> in = Combinators.combine(literals().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as(ValuePredicate.In::new);
        Arbitrary<ValuePredicate> betweenNumbers = Combinators.combine(numbers(), numbers())
                .as((a, b) -> new ValuePredicate.Between(new Literal.Num(a), new Literal.Num(b)));
        Arbitrary<ValuePredicate> betweenStrings = Combinators.combine(texts(), texts())
                .as((a, b) -> new ValuePredicate.Between(new Literal.Str(a), new Literal.Str(b)));
        Arbitrary<ValuePredicate> isNull = Arbitraries.of(true, false).map(ValuePredicate.IsNull::new);
        Arbitrary<ValuePredicate> text = Combinators.combine(Arbitraries.of(ValuePredicate.TextOp.class), texts())
                .as(ValuePredicate.Text::new);
        Arbitrary<ValuePredicate> age = Combinators.combine(cmps(), numbers()).as(ValuePredicate.Age::new);
        return Arbitraries.frequencyOf(
                Tuple.of(5, compare),
                Tuple.of(2, in),
                Tuple.of(1, betweenNumbers),
                Tuple.of(1, betweenStrings),
                Tuple.of(1, isNull),
                Tuple.of(1, text),
                Tuple.of(2, age));
    }

    public static Arbitrary<Window> windows() {
        Arbitrary<Window> within = timeSpans().map(Window.Within::new);
        Arbitrary<Window> ago = Combinators.combine(timeSpans(), timeSpans())
                .filter((a, b) -> a.millis() != b.millis())
                .as((a, b) -> a.millis() > b.millis() ? new Window.Ago(a, b) : new Window.Ago(b, a));
        Arbitrary<Window> range = Combinators.combine(instants(), instants())
                .filter((a, b) -> !a.equals(b))
                .as((a, b) -> a.isBefore(b) ? new Window.Range(a, b) : new Window.Range(b, a));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Window.ALL_TIME)),
                Tuple.of(3, within),
                Tuple.of(1, ago),
                Tuple.of(1, range));
    }

    public static Arbitrary<TimeSpan> timeSpans() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.longs().between(1, 1000)),
                Tuple.of(1, Arbitraries.longs().between(1, TimeSpan.MAX_AMOUNT)));
        return Combinators.combine(amounts, Arbitraries.of(TimeSpan.Unit.class)).as(TimeSpan::new);
    }

    /** Instants to the millisecond in the years 0000 to 9999, a third of them at midnight UTC. */
    public static Arbitrary<Instant> instants() {
        Arbitrary<Long> millis = Arbitraries.oneOf(
                Arbitraries.longs().between(MIN_INSTANT, MAX_INSTANT),
                Arbitraries.longs().between(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()),
                Arbitraries.longs().between(MIN_INSTANT / 86_400_000L, MAX_INSTANT / 86_400_000L).map(d -> d * 86_400_000L));
        return millis.map(Instant::ofEpochMilli);
    }

    public static Arbitrary<Cmp> cmps() {
        return Arbitraries.of(Cmp.class);
    }

    public static Arbitrary<Literal> literals() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, numbers().map(Literal.Num::new)),
                Tuple.of(3, texts().map(Literal.Str::new)),
                Tuple.of(1, Arbitraries.of(true, false).map(Literal.Bool::new)));
    }

    /** Finite doubles: small integers, decimals, and the edges of the range. */
    public static Arbitrary<Double> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-1000, 100_000).map(Integer::doubleValue)),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6)),
                Tuple.of(1, Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, 1e15, -1e15, 1e15 - 1, 1e-7, Double.MIN_VALUE, Double.MAX_VALUE,
                        -Double.MAX_VALUE, 9007199254740993.0, 0.1, 123.456, 65.0)));
    }

    /** Strings for literals, event names and segment names. */
    public static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("CA", "medicare", "App Open", "Screening Completed", "Sick but savvy", "", "é", "\u00df")),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(' ', '_', '.').ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().withChars("\"\\\n\t\r\u0000\u007f\u2028`'()=,.ab ").ofMaxLength(8)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(1, Arbitraries.of("\uD83D\uDE00", "a\uD83D\uDE00b", "\uD800", "\uDC00x", "\\u0041", "and", "not")));
    }

    static Arbitrary<String> eventNames() {
        return texts().filter(s -> !s.isEmpty());
    }

    /** Paths of one to three segments, each bare, keyword-like or needing back-quotes. */
    public static Arbitrary<Path> paths() {
        return pathSegments().list().ofMinSize(1).ofMaxSize(3).map(Path::new);
    }

    static Arbitrary<String> pathSegments() {
        List<String> words = List.of("address", "state", "birthday", "plan", "context", "os", "name", "steps",
                "and", "or", "not", "true", "false", "in", "is", "null", "did", "AND", "Not", "True",
                "count", "sum", "avg", "min", "max", "age", "near", "segment", "where", "within", "between",
                "from", "to", "ago", "km", "contains", "starts_with", "ends_with", "d", "h", "w", "_", "_1");
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(words)),
                Tuple.of(3, Combinators.combine(
                                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_').ofLength(1),
                                Arbitraries.strings().alpha().numeric().withChars('_').ofMaxLength(8))
                        .as(String::concat)),
                Tuple.of(1, Arbitraries.of("a.b", "two words", "1st", "x-y", "é", "\uD83D\uDE00", " ", "a\"b", "a\\b", "\t", "\r")),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(5)
                        .filter(s -> s.indexOf('`') < 0 && s.indexOf('\n') < 0)));
    }
}
