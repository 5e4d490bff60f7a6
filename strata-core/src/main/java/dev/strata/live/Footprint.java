package dev.strata.live;

import dev.strata.lang.Condition;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What a definition reads, followed through references: the event names, and whether traits or
 * context. A message that touches none of it cannot change the answer, so the engine skips the
 * segment for it (time still moves it, through the timer queue).
 */
record Footprint(Set<String> events, boolean traits, boolean context, boolean staticReference) {

    static Footprint of(Condition c, Function<String, Condition> definitions) {
        Set<String> events = new HashSet<>();
        boolean[] flags = new boolean[3];
        walk(c, definitions, events, flags, new HashSet<>());
        return new Footprint(Set.copyOf(events), flags[0], flags[1], flags[2]);
    }

    private static void walk(Condition c, Function<String, Condition> definitions, Set<String> events, boolean[] flags, Set<String> seen) {
        if (c instanceof Condition.Not n) walk(n.child(), definitions, events, flags, seen);
        else if (c instanceof Condition.And a) a.children().forEach(x -> walk(x, definitions, events, flags, seen));
        else if (c instanceof Condition.Or o) o.children().forEach(x -> walk(x, definitions, events, flags, seen));
        else if (c instanceof Condition.Test t) flags[t.path().isContext() ? 1 : 0] = true;
        else if (c instanceof Condition.Near n) flags[n.path().isContext() ? 1 : 0] = true;
        else if (c instanceof Condition.Did d) events.add(d.event());
        else if (c instanceof Condition.Count k) events.add(k.event());
        else if (c instanceof Condition.Aggregate g) events.add(g.event());
        else if (c instanceof Condition.Supply y) events.add(y.event());
        else if (c instanceof Condition.DaysSince s) events.add(s.event());
        else if (c instanceof Condition.CountDays k) events.add(k.event());
        else if (c instanceof Condition.NoShowRate) {
            events.add(Condition.NoShowRate.BOOKED);
            events.add(Condition.NoShowRate.NO_SHOW);
            events.add(Condition.NoShowRate.CANCELLED);
        } else if (c instanceof Condition.ScreeningDue d) walk(d.expansion(), definitions, events, flags, seen);
        else if (c instanceof Condition.InSegment s && seen.add(s.name())) {
            Condition def = definitions.apply(s.name());
            if (def == null) flags[2] = true;
            else walk(def, definitions, events, flags, seen);
        }
    }

    /** Whether a message of this kind can change the answer. */
    boolean touchedBy(boolean identify, String event, boolean hasContext) {
        if (hasContext && context) return true;
        if (identify) return traits;
        return events.contains(event);
    }
}
