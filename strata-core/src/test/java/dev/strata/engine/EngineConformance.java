package dev.strata.engine;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentPrinter;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import dev.strata.testing.ConformanceCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Runs one case through the engine and through the reference and fails with every disagreement:
 * which messages the builder dropped, which profiles it knows, the members of {@code evaluate},
 * and {@code test} for each known profile against {@code evaluate}.
 */
final class EngineConformance {
    private EngineConformance() {
    }

    static void check(ConformanceCase c) {
        List<String> problems = new ArrayList<>();

        List<Boolean> expectedAccepted = ReferenceEvaluator.accepted(c.messages(), c.asOf());
        PopulationBuilder builder = new PopulationBuilder(c.asOf());
        for (int i = 0; i < c.messages().size(); i++) {
            Message m = c.messages().get(i);
            boolean accepted = builder.accept(m);
            if (accepted != expectedAccepted.get(i)) {
                problems.add("message " + i + " (messageId " + m.messageId() + ", user " + m.userId() + ", at " + m.timestamp()
                        + "): accept returned " + accepted + ", the reference " + (expectedAccepted.get(i) ? "keeps" : "drops") + " it");
            }
        }
        Population population = builder.build();

        Set<String> expectedKnown = ReferenceEvaluator.knownUsers(c.messages(), c.asOf());
        Set<String> known = new LinkedHashSet<>();
        for (int id = 0; id < population.size(); id++) {
            String user = population.userId(id);
            known.add(user);
            if (population.idOf(user) != id) {
                problems.add("idOf(userId(" + id + ")) = idOf(\"" + user + "\") = " + population.idOf(user));
            }
        }
        if (!known.equals(expectedKnown)) {
            problems.add("known profiles differ: engine only " + minus(known, expectedKnown) + ", reference only " + minus(expectedKnown, known));
        }
        for (Message m : c.messages()) {
            if (!expectedKnown.contains(m.userId()) && population.idOf(m.userId()) != -1) {
                problems.add("idOf(\"" + m.userId() + "\") = " + population.idOf(m.userId()) + " for a profile unknown at T (expected -1)");
            }
        }

        Set<String> expected = ReferenceEvaluator.members(c.messages(), c.asOf(), c.condition(), c.segments());
        SegmentEngine engine = new SegmentEngine(population);
        RoaringBitmap bitmap = engine.evaluate(c.condition(), c.segments());
        Set<String> members = new LinkedHashSet<>();
        for (int id : bitmap.toArray()) {
            if (id < 0 || id >= population.size()) {
                problems.add("evaluate returned id " + id + ", outside 0.." + (population.size() - 1));
            } else {
                members.add(population.userId(id));
            }
        }
        if (!members.equals(expected)) {
            problems.add("members differ for " + SegmentPrinter.print(c.condition()) + ": engine only " + minus(members, expected)
                    + ", reference only " + minus(expected, members));
            for (String user : union(minus(members, expected), minus(expected, members))) {
                problems.add("  " + user + ": " + localize(c, c.condition(), user, engine, population));
            }
        }

        for (int id = 0; id < population.size(); id++) {
            boolean single = engine.test(id, c.condition(), c.segments());
            if (single != bitmap.contains(id)) {
                problems.add("test(" + id + " = " + population.userId(id) + ") = " + single + " but evaluate " + (bitmap.contains(id) ? "includes" : "excludes") + " it");
            }
        }

        if (!problems.isEmpty()) {
            throw new AssertionError("engine and reference disagree:\n" + String.join("\n", problems));
        }
    }

    /**
     * The smallest sub-condition on which the engine's bitmap and the reference disagree for the
     * user, found by descending into the first disagreeing child of and / or / not.
     */
    private static String localize(ConformanceCase c, Condition condition, String user, SegmentEngine engine, Population population) {
        List<Condition> children = new ArrayList<>();
        if (condition instanceof Condition.And a) children.addAll(a.children());
        else if (condition instanceof Condition.Or o) children.addAll(o.children());
        else if (condition instanceof Condition.Not n) children.add(n.child());
        for (Condition child : children) {
            boolean reference = ReferenceEvaluator.members(c.messages(), c.asOf(), child, c.segments()).contains(user);
            int id = population.idOf(user);
            boolean fast = id >= 0 && engine.evaluate(child, c.segments()).contains(id);
            if (reference != fast) return localize(c, child, user, engine, population);
        }
        boolean reference = ReferenceEvaluator.members(c.messages(), c.asOf(), condition, c.segments()).contains(user);
        return "first disagreement on " + SegmentPrinter.print(condition) + ": reference " + reference + ", engine " + !reference;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
