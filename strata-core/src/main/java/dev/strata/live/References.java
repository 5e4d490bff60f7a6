package dev.strata.live;

import dev.strata.lang.Condition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** How {@code in segment "name"} is answered for one profile, and checks on the reference graph. */
interface References {
    /** The definition of a dynamic segment, or null when the name is a static segment. */
    Condition definition(String name);

    /** Whether the profile is among a static segment's members. */
    boolean staticMember(String name);

    /** Whether {@code c} refers to {@code name}, directly or through the definitions it refers to. */
    static boolean reaches(Condition c, String name, Function<String, Condition> definitions, Set<String> seen) {
        for (String ref : direct(c)) {
            if (ref.equals(name)) return true;
            if (!seen.add(ref)) continue;
            Condition def = definitions.apply(ref);
            if (def != null && reaches(def, name, definitions, seen)) return true;
        }
        return false;
    }

    /**
     * Every name {@code definition} refers to must be known, and none may lead back to {@code self}
     * (null for an unsaved definition).
     *
     * @throws IllegalArgumentException naming the unknown segment or the cycle
     */
    static void check(String self, Condition definition, Function<String, Condition> definitions, Predicate<String> known) {
        Deque<String> trail = new ArrayDeque<>();
        if (self != null) trail.push(self);
        walk(definition, definitions, known, trail);
    }

    private static void walk(Condition c, Function<String, Condition> definitions, Predicate<String> known, Deque<String> trail) {
        for (String ref : direct(c)) {
            if (trail.contains(ref)) {
                List<String> cycle = new ArrayList<>(trail);
                Collections.reverse(cycle);
                cycle.add(ref);
                throw new IllegalArgumentException("segment references form a cycle: " + String.join(" -> ", cycle));
            }
            if (!known.test(ref)) throw new IllegalArgumentException("unknown segment \"" + ref + "\"");
            Condition def = definitions.apply(ref);
            if (def == null) continue;
            trail.push(ref);
            walk(def, definitions, known, trail);
            trail.pop();
        }
    }

    private static List<String> direct(Condition c) {
        List<String> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<String> out) {
        if (c instanceof Condition.InSegment s) out.add(s.name());
        else if (c instanceof Condition.Not n) collect(n.child(), out);
        else if (c instanceof Condition.And a) a.children().forEach(x -> collect(x, out));
        else if (c instanceof Condition.Or o) o.children().forEach(x -> collect(x, out));
    }
}
