package dev.strata.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * {@code Arbitraries.frequencyOf} / {@code oneOf} with every branch made opaque. jqwik looks up a
 * cached generator for the chosen branch on every draw, keyed by the branch's hash code, and the
 * hash of a combined arbitrary walks its whole tree: for the nested definition and message
 * arbitraries that walk cost more than everything else in a try. A lazy wrapper hashes by
 * identity, which cuts the walk short.
 */
final class Choices {
    private Choices() {
    }

    static <T> Arbitrary<T> opaque(Arbitrary<T> a) {
        return Arbitraries.lazy(() -> a);
    }

    @SafeVarargs
    static <T> Arbitrary<T> frequencyOf(Tuple.Tuple2<Integer, Arbitrary<? extends T>>... choices) {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends T>>> list = new ArrayList<>();
        for (Tuple.Tuple2<Integer, Arbitrary<? extends T>> c : choices) list.add(c);
        return frequencyOf(list);
    }

    static <T> Arbitrary<T> frequencyOf(List<? extends Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>>> choices) {
        List<Tuple.Tuple2<Integer, Arbitrary<T>>> wrapped = new ArrayList<>();
        for (Tuple.Tuple2<Integer, ? extends Arbitrary<? extends T>> c : choices) {
            Arbitrary<T> branch = c.get2().map(x -> x);
            wrapped.add(Tuple.of(c.get1(), opaque(branch)));
        }
        return Arbitraries.frequencyOf(wrapped);
    }

    static <T> Arbitrary<T> oneOf(List<? extends Arbitrary<? extends T>> choices) {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends T>>> weighted = new ArrayList<>();
        for (Arbitrary<? extends T> c : choices) weighted.add(Tuple.of(1, c));
        return frequencyOf(weighted);
    }
}
