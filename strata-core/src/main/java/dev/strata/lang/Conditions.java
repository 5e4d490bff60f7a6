package dev.strata.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one factory for condition trees. It simplifies as it builds: constants fold, nested
 * junctions flatten, duplicate children collapse and double negation cancels, so a tree built here
 * is in the form the records require.
 */
public final class Conditions {
    private Conditions() {
    }

    public static Condition and(Condition... children) {
        return and(Arrays.asList(children));
    }

    public static Condition and(List<Condition> children) {
        LinkedHashSet<Condition> flat = new LinkedHashSet<>();
        for (Condition c : children) {
            if (c instanceof Condition.Constant k) {
                if (!k.value()) return Condition.FALSE;
            } else if (c instanceof Condition.And a) {
                flat.addAll(a.children());
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) return Condition.TRUE;
        if (flat.size() == 1) return flat.iterator().next();
        return new Condition.And(new ArrayList<>(flat));
    }

    public static Condition or(Condition... children) {
        return or(Arrays.asList(children));
    }

    public static Condition or(List<Condition> children) {
        LinkedHashSet<Condition> flat = new LinkedHashSet<>();
        for (Condition c : children) {
            if (c instanceof Condition.Constant k) {
                if (k.value()) return Condition.TRUE;
            } else if (c instanceof Condition.Or o) {
                flat.addAll(o.children());
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) return Condition.FALSE;
        if (flat.size() == 1) return flat.iterator().next();
        return new Condition.Or(new ArrayList<>(flat));
    }

    public static Condition not(Condition child) {
        if (child instanceof Condition.Constant k) return constant(!k.value());
        if (child instanceof Condition.Not n) return n.child();
        return new Condition.Not(child);
    }

    public static Condition constant(boolean value) {
        return value ? Condition.TRUE : Condition.FALSE;
    }

    public static Condition test(Path path, ValuePredicate predicate) {
        return new Condition.Test(path, predicate);
    }

    /** {@code did} with a where clause that can never hold is false. */
    public static Condition did(String event, Condition where, Window window) {
        if (where.equals(Condition.FALSE)) return Condition.FALSE;
        return new Condition.Did(event, where, window);
    }

    public static Condition count(String event, Condition where, Window window, Cmp op, long value) {
        return new Condition.Count(event, where, window, op, value);
    }

    public static Condition aggregate(AggFn fn, String event, Path property, Condition where, Window window, Cmp op, double value) {
        return new Condition.Aggregate(fn, event, property, where, window, op, value);
    }

    public static Condition supply(SupplyFn fn, String event, Condition where, TimeSpan span, Cmp op, double value) {
        return new Condition.Supply(fn, event, where, span, op, value);
    }

    public static Condition daysSince(String event, Condition where, Cmp op, long value) {
        return new Condition.DaysSince(event, where, op, value);
    }

    public static Condition countDays(String event, Condition where, Window window, Cmp op, long value) {
        return new Condition.CountDays(event, where, window, op, value);
    }

    public static Condition noShowRate(Window window, Cmp op, double value) {
        return new Condition.NoShowRate(window, op, value);
    }

    public static Condition screeningDue(ScreeningProgram program) {
        return new Condition.ScreeningDue(program);
    }

    public static Condition near(Path path, double latitude, double longitude, double radiusKm) {
        return new Condition.Near(path, latitude, longitude, radiusKm);
    }

    public static Condition inSegment(String name) {
        return new Condition.InSegment(name);
    }

    /** True when the tree is fit for a where clause: property tests under and / or / not. */
    public static boolean isPropertyExpression(Condition c) {
        if (c instanceof Condition.Test || c instanceof Condition.Constant) return true;
        if (c instanceof Condition.Not n) return isPropertyExpression(n.child());
        if (c instanceof Condition.And a) return a.children().stream().allMatch(Conditions::isPropertyExpression);
        if (c instanceof Condition.Or o) return o.children().stream().allMatch(Conditions::isPropertyExpression);
        return false;
    }

    /** Names of the segments the tree refers to, in order of first appearance. */
    public static List<String> referencedSegments(Condition c) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        collectRefs(c, out);
        return new ArrayList<>(out);
    }

    private static void collectRefs(Condition c, LinkedHashSet<String> out) {
        if (c instanceof Condition.InSegment s) out.add(s.name());
        else if (c instanceof Condition.Not n) collectRefs(n.child(), out);
        else if (c instanceof Condition.And a) a.children().forEach(x -> collectRefs(x, out));
        else if (c instanceof Condition.Or o) o.children().forEach(x -> collectRefs(x, out));
    }
}
