package dev.strata.testing;

import dev.strata.lang.AggFn;
import dev.strata.lang.Cmp;
import dev.strata.lang.Condition;
import dev.strata.lang.Conditions;
import dev.strata.lang.Literal;
import dev.strata.lang.Path;
import dev.strata.lang.Strings;
import dev.strata.lang.ScreeningProgram;
import dev.strata.lang.SupplyFn;
import dev.strata.lang.TimeSpan;
import dev.strata.lang.ValuePredicate;
import dev.strata.lang.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random definitions covering every construct of the grammar, nested, with literals, event
 * names, windows and radii drawn from the same {@link Vocabulary} as the populations. Named
 * segments come with them; segment i refers only to segments before it, so there is no cycle.
 */
public final class DefinitionArbitraries {
    private DefinitionArbitraries() {
    }

    /** A condition and the named segments it may refer to. */
    public record Definition(Condition condition, Map<String, Condition> segments) {
    }

    public static Arbitrary<Definition> definitions(long asOf) {
        return Choices.frequencyOf(
                Tuple.of(5, withSegments(asOf, 0)), Tuple.of(2, withSegments(asOf, 1)),
                Tuple.of(2, withSegments(asOf, 2)), Tuple.of(1, withSegments(asOf, 3)));
    }

    /** A definition with {@code n} named segments, each free to refer to those before it. */
    static Arbitrary<Definition> withSegments(long asOf, int n) {
        List<String> names = Vocabulary.SEGMENT_NAMES.subList(0, n);
        List<Arbitrary<Condition>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) parts.add(conditions(asOf, names.subList(0, i), 2));
        parts.add(conditions(asOf, names, 3));
        return Combinators.combine(parts).as(list -> {
            Map<String, Condition> segments = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) segments.put(names.get(i), list.get(i));
            return new Definition(list.get(n), segments);
        });
    }

    /** Conditions up to {@code depth} levels of and / or / not; {@code refs}: segments it may name. */
    public static Arbitrary<Condition> conditions(long asOf, List<String> refs, int depth) {
        if (depth == 0) return leaves(asOf, refs);
        Arbitrary<Condition> sub = Arbitraries.lazy(() -> conditions(asOf, refs, depth - 1));
        // and / or of two more often than of three, and not as often: a random conjunction of
        // three is nearly always empty, and a definition that selects nobody tests little
        return Choices.frequencyOf(
                Tuple.of(4, leaves(asOf, refs)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).withSizeDistribution(RandomDistribution.biased()).map(cs -> Conditions.and(cs))),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).withSizeDistribution(RandomDistribution.biased()).map(cs -> Conditions.or(cs))),
                Tuple.of(2, sub.map(Conditions::not)));
    }

    static Arbitrary<Condition> leaves(long asOf, List<String> refs) {
        List<Tuple.Tuple2<Integer, Arbitrary<Condition>>> kinds = new ArrayList<>(List.of(
                Tuple.of(5, valueTests(Vocabulary.TRAIT_LITERALS, Vocabulary.OTHER_TRAIT_PATHS)),
                Tuple.of(1, ageTests("birthday", "name", "missing_key")),
                Tuple.of(3, dids(asOf)),
                Tuple.of(2, counts(asOf)),
                Tuple.of(2, aggregates(asOf)),
                Tuple.of(2, supplies()),
                Tuple.of(2, Arbitraries.of(ScreeningProgram.values()).map(Conditions::screeningDue)),
                Tuple.of(2, daysSince()),
                Tuple.of(1, countDays(asOf)),
                Tuple.of(1, Combinators.combine(windows(asOf), Arbitraries.of(Cmp.values()), Arbitraries.of(0.0, 0.25, 1.0 / 3, 0.5, 1.0, 2.0))
                        .as(Conditions::noShowRate)),
                Tuple.of(1, nears()),
                Tuple.of(1, Arbitraries.of(Condition.TRUE, Condition.FALSE))));
        if (!refs.isEmpty()) kinds.add(Tuple.of(2, Arbitraries.of(refs).map(Conditions::inSegment)));
        return Choices.frequencyOf(kinds);
    }

    // ---- value tests --------------------------------------------------------------------------

    private static Path path(String dotted) {
        return new Path(List.of(dotted.split("\\.")));
    }

    /** A test on each pooled path with its own literals, or on an odd path with any literal. */
    static Arbitrary<Condition> valueTests(Map<String, List<Literal>> pools, List<String> otherPaths) {
        List<Literal> all = allLiterals(pools);
        List<Arbitrary<Condition>> byPath = new ArrayList<>();
        for (Map.Entry<String, List<Literal>> e : pools.entrySet()) {
            byPath.add(predicates(e.getValue(), all).map(p -> Conditions.test(path(e.getKey()), p)));
        }
        for (String other : otherPaths) {
            byPath.add(predicates(all, all).map(p -> Conditions.test(path(other), p)));
        }
        return Choices.oneOf(byPath);
    }

    private static List<Literal> allLiterals(Map<String, List<Literal>> pools) {
        Set<Literal> all = new LinkedHashSet<>();
        pools.values().forEach(all::addAll);
        all.add(new Literal.Bool(true));
        all.add(new Literal.Bool(false));
        return new ArrayList<>(all);
    }

    /** Every predicate form over literals mostly from {@code pool}, sometimes of any type. */
    static Arbitrary<ValuePredicate> predicates(List<Literal> pool, List<Literal> any) {
        Arbitrary<Literal> literal = Choices.frequencyOf(Tuple.of(85, Arbitraries.of(pool)), Tuple.of(15, Arbitraries.of(any)));
        Arbitrary<ValuePredicate> compare = Combinators.combine(Arbitraries.of(Cmp.values()), literal).as((op, l) -> {
            boolean boolWithOrder = l instanceof Literal.Bool && op != Cmp.EQ && op != Cmp.NE;
            return new ValuePredicate.Compare(boolWithOrder ? (op.ordinal() % 2 == 0 ? Cmp.EQ : Cmp.NE) : op, l);
        });
        Arbitrary<ValuePredicate> in = Combinators.combine(literal.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(false, true))
                .as(ValuePredicate.In::new);
        Arbitrary<Boolean> ordered = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
        Arbitrary<ValuePredicate> between = Combinators.combine(literal, literal, ordered).as(DefinitionArbitraries::between);
        Arbitrary<ValuePredicate> isNull = Arbitraries.of(false, true).map(ValuePredicate.IsNull::new);
        Arbitrary<ValuePredicate> text = Combinators.combine(Arbitraries.of(ValuePredicate.TextOp.values()), Arbitraries.of(needles(pool)))
                .as(ValuePredicate.Text::new);
        return Choices.frequencyOf(
                Tuple.of(5, compare), Tuple.of(2, in), Tuple.of(2, between), Tuple.of(1, isNull), Tuple.of(2, text));
    }

    /**
     * Bounds of one type, usually low before high (an inverted range is empty, and says little
     * more the second time); a mixed pair becomes the interval [a, a] or a small numeric one.
     */
    private static ValuePredicate between(Literal a, Literal b, boolean ordered) {
        boolean bothNumbers = a instanceof Literal.Num && b instanceof Literal.Num;
        boolean bothStrings = a instanceof Literal.Str && b instanceof Literal.Str;
        if (bothNumbers || bothStrings) {
            boolean inverted = bothNumbers
                    ? ((Literal.Num) a).value() > ((Literal.Num) b).value()
                    : Strings.compare(((Literal.Str) a).value(), ((Literal.Str) b).value()) > 0;
            return ordered && inverted ? new ValuePredicate.Between(b, a) : new ValuePredicate.Between(a, b);
        }
        if (!(a instanceof Literal.Bool)) return new ValuePredicate.Between(a, a);
        return new ValuePredicate.Between(new Literal.Num(0), new Literal.Num(3));
    }

    /** Whole strings of the pool and their halves, so contains / starts_with / ends_with often hold. */
    private static List<String> needles(List<Literal> pool) {
        Set<String> out = new LinkedHashSet<>(List.of("", "a", "\uD83D\uDE00"));
        for (Literal l : pool) {
            if (l instanceof Literal.Str s) {
                String v = s.value();
                out.add(v);
                int half = v.offsetByCodePoints(0, v.codePointCount(0, v.length()) / 2);
                out.add(v.substring(0, half));
                out.add(v.substring(half));
            }
        }
        return new ArrayList<>(out);
    }

    static Arbitrary<Condition> ageTests(String... paths) {
        Arbitrary<String> p = Choices.frequencyOf(
                Tuple.of(8, Arbitraries.just(paths[0])), Tuple.of(2, Arbitraries.of(paths)));
        return Combinators.combine(p, Arbitraries.of(Cmp.values()), Arbitraries.of(Vocabulary.AGE_YEARS))
                .as((path, op, years) -> Conditions.test(path(path), new ValuePredicate.Age(op, years)));
    }

    // ---- events -------------------------------------------------------------------------------

    private static Arbitrary<String> eventNames() {
        return Choices.frequencyOf(Tuple.of(9, Arbitraries.of(Vocabulary.EVENTS)), Tuple.of(1, Arbitraries.of(Vocabulary.UNUSED_EVENTS)));
    }

    static Arbitrary<Condition> wheres() {
        return Choices.frequencyOf(Tuple.of(4, Arbitraries.just(Condition.TRUE)), Tuple.of(5, propertyConditions(2)));
    }

    /** Property tests under and / or / not, as a where clause holds them. */
    static Arbitrary<Condition> propertyConditions(int depth) {
        Arbitrary<Condition> leaf = Choices.frequencyOf(
                Tuple.of(8, valueTests(Vocabulary.PROPERTY_LITERALS, Vocabulary.OTHER_PROPERTY_PATHS)),
                Tuple.of(1, ageTests("since", "score")),
                Tuple.of(1, Arbitraries.of(Condition.TRUE, Condition.FALSE)));
        if (depth == 0) return leaf;
        Arbitrary<Condition> sub = Arbitraries.lazy(() -> propertyConditions(depth - 1));
        return Choices.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(cs -> Conditions.and(cs))),
                Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(cs -> Conditions.or(cs))),
                Tuple.of(1, sub.map(Conditions::not)));
    }

    static Arbitrary<Window> windows(long asOf) {
        Arbitrary<TimeSpan> spans = Arbitraries.of(Vocabulary.SPANS);
        Arbitrary<Window> ago = Combinators.combine(spans, spans).as((a, b) -> {
            if (a.millis() == b.millis()) return (Window) null;
            return (Window) (a.millis() > b.millis() ? new Window.Ago(a, b) : new Window.Ago(b, a));
        }).filter(Objects::nonNull);
        Arbitrary<Long> offsets = Choices.frequencyOf(
                Tuple.of(3, Arbitraries.of(Vocabulary.BOUNDARY_OFFSETS)), Tuple.of(1, PopulationArbitraries.offsets()));
        Arbitrary<Window> range = Combinators.combine(offsets, offsets).as((a, b) -> {
            if (a.longValue() == b.longValue()) return (Window) null;
            // Offsets count back from T, so the larger one is the earlier instant.
            Instant from = Instant.ofEpochMilli(asOf - Math.max(a, b));
            Instant to = Instant.ofEpochMilli(asOf - Math.min(a, b));
            return (Window) new Window.Range(from, to);
        }).filter(Objects::nonNull);
        return Choices.frequencyOf(
                Tuple.of(3, Arbitraries.just(Window.ALL_TIME)),
                Tuple.of(3, spans.map(Window.Within::new)),
                Tuple.of(2, ago),
                Tuple.of(2, range));
    }

    static Arbitrary<Condition> dids(long asOf) {
        return Combinators.combine(eventNames(), wheres(), windows(asOf)).as(Conditions::did);
    }

    static Arbitrary<Condition> counts(long asOf) {
        return Combinators.combine(eventNames(), wheres(), windows(asOf), Arbitraries.of(Cmp.values()), Arbitraries.of(0L, 1L, 2L, 3L, -1L))
                .as(Conditions::count);
    }

    static Arbitrary<Condition> aggregates(long asOf) {
        // mostly numeric properties, inequalities and no where clause: an aggregate is missing
        // (so false) for every profile without a matching numeric value
        Arbitrary<Path> props = Arbitraries.frequency(
                Tuple.of(3, "steps"), Tuple.of(3, "score"), Tuple.of(2, "days_supply"), Tuple.of(1, "meta.source"), Tuple.of(1, "missing"))
                .map(DefinitionArbitraries::path);
        Arbitrary<Condition> where = Choices.frequencyOf(Tuple.of(3, Arbitraries.just(Condition.TRUE)), Tuple.of(2, propertyConditions(1)));
        Arbitrary<Cmp> ops = Arbitraries.frequency(
                Tuple.of(1, Cmp.EQ), Tuple.of(1, Cmp.NE), Tuple.of(2, Cmp.LT), Tuple.of(2, Cmp.LE), Tuple.of(2, Cmp.GT), Tuple.of(2, Cmp.GE));
        return Combinators.combine(Arbitraries.of(AggFn.values()), eventNames(), props, where, windows(asOf),
                        ops, Arbitraries.of(Vocabulary.AGGREGATE_VALUES))
                .as(Conditions::aggregate);
    }

    static Arbitrary<Condition> daysSince() {
        return Combinators.combine(eventNames(), wheres(), Arbitraries.of(Cmp.values()), Arbitraries.of(0L, 1L, 2L, 7L, 30L, 40L, 365L, -1L))
                .as(Conditions::daysSince);
    }

    static Arbitrary<Condition> countDays(long asOf) {
        return Combinators.combine(eventNames(), wheres(), windows(asOf), Arbitraries.of(Cmp.values()), Arbitraries.of(0L, 1L, 2L, 3L, 5L))
                .as(Conditions::countDays);
    }

    static Arbitrary<Condition> supplies() {
        Arbitrary<String> events = Choices.frequencyOf(Tuple.of(6, Arbitraries.just("Medication Refill")), Tuple.of(1, eventNames()));
        Arbitrary<Condition> where = Choices.frequencyOf(Tuple.of(3, Arbitraries.just(Condition.TRUE)), Tuple.of(1, propertyConditions(1)));
        return Combinators.combine(Arbitraries.of(SupplyFn.values()), events, where, Arbitraries.of(Vocabulary.SUPPLY_SPANS),
                        Arbitraries.of(Cmp.values()), Arbitraries.of(Vocabulary.SUPPLY_VALUES))
                .as(Conditions::supply);
    }

    static Arbitrary<Condition> nears() {
        Arbitrary<String> paths = Choices.frequencyOf(
                Tuple.of(9, Arbitraries.just("address")), Tuple.of(1, Arbitraries.of("tags", "name", "context", "address.state")));
        return Combinators.combine(paths, Arbitraries.of(Vocabulary.CENTRES), Arbitraries.of(Vocabulary.RADII))
                .as((p, c, r) -> Conditions.near(path(p), c.latitude(), c.longitude(), r));
    }
}
