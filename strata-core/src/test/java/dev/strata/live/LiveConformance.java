package dev.strata.live;

import dev.strata.engine.PopulationBuilder;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentPrinter;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import dev.strata.testing.ConformanceCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drives a {@link LiveEngine} through one conformance case as a server would, and checks every
 * segment against the reference at each step:
 * <ol>
 *   <li>messages arrive in read order, grouped by the instant they become due (a message stamped
 *       after the clock waits for a later group);</li>
 *   <li>the first part of the first group is the snapshot; the rest is applied live in chunks;</li>
 *   <li>between groups the clock moves through a few instants and only {@code advance()} runs, so a
 *       window sliding past an event must be caught by a time trigger.</li>
 * </ol>
 * The reference sees the same arrival order; duplicates are dropped before the engine, as the
 * store does.
 */
final class LiveConformance {
    private LiveConformance() {
    }

    /**
     * @param steps       instants the clock visits, ascending; messages due by each arrive there
     * @param snapshotCut fraction (0..1) of the first group's messages in the snapshot
     * @param chunk       messages per apply call
     */
    static void check(ConformanceCase c, List<Long> steps, double snapshotCut, int chunk) {
        // Positions in the case's read order: generated exact copies may be one shared object.
        List<Message> arrival = new ArrayList<>();
        List<List<Message>> groups = new ArrayList<>();
        List<List<Integer>> storedAt = new ArrayList<>();
        boolean[] placed = new boolean[c.messages().size()];
        Set<String> ids = new HashSet<>();
        List<List<Message>> stored = new ArrayList<>();
        for (long step : steps) {
            List<Message> group = new ArrayList<>();
            List<Message> kept = new ArrayList<>();
            List<Integer> keptAt = new ArrayList<>();
            for (int i = 0; i < c.messages().size(); i++) {
                Message m = c.messages().get(i);
                if (placed[i] || m.timestamp() > step) continue;
                placed[i] = true;
                group.add(m);
                arrival.add(m);
                // The store's rule: the first copy of a messageId wins, in arrival order.
                if (m.messageId() == null || ids.add(m.messageId())) {
                    kept.add(m);
                    keptAt.add(arrival.size() - 1);
                }
            }
            groups.add(group);
            stored.add(kept);
            storedAt.add(keptAt);
        }

        long[] clock = {steps.get(0)};
        List<Message> first = stored.get(0);
        int cut = (int) Math.floor(first.size() * snapshotCut);
        PopulationBuilder builder = new PopulationBuilder(Long.MAX_VALUE);
        Map<String, List<Message>> byUser = new HashMap<>();
        for (int i = 0; i < cut; i++) {
            builder.accept(first.get(i));
            byUser.computeIfAbsent(first.get(i).userId(), k -> new ArrayList<>()).add(first.get(i));
        }
        // Through the snapshot file and back, as a restarted server gets it: the live engine rebuilds
        // touched profiles from these columns, trait and context times included.
        dev.strata.engine.Population snap = roundTrip(builder.build());
        List<String> snapUsers = new ArrayList<>();
        for (int i = 0; i < snap.size(); i++) snapUsers.add(snap.userId(i));
        LiveEngine engine = new LiveEngine(snap, () -> clock[0]);

        Map<String, Condition> all = new LinkedHashMap<>(c.segments());
        String target = "target";
        while (all.containsKey(target)) target += "'";
        all.put(target, c.condition());
        for (String name : definitionOrder(c.segments())) engine.define(name, name, c.segments().get(name), SegmentKind.DYNAMIC, null);
        engine.define(target, target, c.condition(), SegmentKind.DYNAMIC, null);

        int arrived = cut;
        List<Message> seenByReference = new ArrayList<>(arrival.subList(0, cut == 0 ? 0 : storedAt.get(0).get(cut - 1) + 1));
        List<String> problems = new ArrayList<>();
        compare(engine, all, seenByReference, clock[0], "after the snapshot at " + Instant.ofEpochMilli(clock[0]) + " (snapshot users " + snapUsers + ")", problems);

        for (int g = 0; g < steps.size() && problems.isEmpty(); g++) {
            if (g > 0) {
                clock[0] = steps.get(g);
                engine.advance();
                compare(engine, all, seenByReference, clock[0], "after time moved to " + Instant.ofEpochMilli(clock[0]), problems);
            }
            List<Message> group = stored.get(g);
            int from = g == 0 ? cut : 0;
            for (int i = from; i < group.size(); i += chunk) {
                List<Message> batch = group.subList(i, Math.min(group.size(), i + chunk));
                for (Message m : batch) byUser.computeIfAbsent(m.userId(), k -> new ArrayList<>()).add(m);
                engine.apply(batch);
            }
            // The reference reads every arrival of the group, duplicates included.
            seenByReference = new ArrayList<>(arrivalsThrough(arrival, groups, g));
            compare(engine, all, seenByReference, clock[0], "after applying group " + g + " at " + Instant.ofEpochMilli(clock[0]), problems);
        }
        if (!problems.isEmpty()) throw new AssertionError("live engine and reference disagree:\n" + String.join("\n", problems)
                + "\nsteps " + steps + ", snapshot cut " + snapshotCut + " (" + cut + " messages), chunk " + chunk + c);
    }

    private static dev.strata.engine.Population roundTrip(dev.strata.engine.Population p) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("live-conformance", ".snapshot");
            try {
                dev.strata.engine.PopulationSnapshot.write(p, 0, file);
                return dev.strata.engine.PopulationSnapshot.read(file).population();
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Message> arrivalsThrough(List<Message> arrival, List<List<Message>> groups, int g) {
        int n = 0;
        for (int i = 0; i <= g; i++) n += groups.get(i).size();
        return arrival.subList(0, n);
    }

    private static void compare(LiveEngine engine, Map<String, Condition> all, List<Message> messages, long now, String when,
                                List<String> problems) {
        for (Map.Entry<String, Condition> e : all.entrySet()) {
            Set<String> expected = new TreeSet<>(ReferenceEvaluator.members(messages, now, e.getValue(), all));
            Set<String> actual = new TreeSet<>();
            String cursor = null;
            do {
                MembersPage page = engine.members(e.getKey(), cursor, 7);
                actual.addAll(page.members());
                cursor = page.next();
            } while (cursor != null);
            if (engine.size(e.getKey()) != actual.size()) problems.add(when + ": size() " + engine.size(e.getKey()) + " but " + actual.size() + " listed");
            if (!actual.equals(expected)) {
                Set<String> onlyLive = new TreeSet<>(actual);
                onlyLive.removeAll(expected);
                Set<String> onlyRef = new TreeSet<>(expected);
                onlyRef.removeAll(actual);
                problems.add(when + ", segment " + e.getKey() + " = " + SegmentPrinter.print(e.getValue())
                        + ": live only " + onlyLive + ", reference only " + onlyRef);
            }
        }
        Set<String> known = new LinkedHashSet<>(ReferenceEvaluator.knownUsers(messages, now));
        if (engine.profileCount() != known.size()) problems.add(when + ": profileCount " + engine.profileCount() + ", reference knows " + known.size());
    }

    /** Referenced segments before those that refer to them. */
    private static List<String> definitionOrder(Map<String, Condition> segments) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String name : segments.keySet()) visit(name, segments, done, order);
        return order;
    }

    private static void visit(String name, Map<String, Condition> segments, Set<String> done, List<String> order) {
        if (!done.add(name)) return;
        Condition def = segments.get(name);
        if (def == null) return;
        for (String ref : refs(def)) visit(ref, segments, done, order);
        order.add(name);
    }

    private static List<String> refs(Condition c) {
        List<String> out = new ArrayList<>();
        if (c instanceof Condition.InSegment s) out.add(s.name());
        else if (c instanceof Condition.Not n) out.addAll(refs(n.child()));
        else if (c instanceof Condition.And a) a.children().forEach(x -> out.addAll(refs(x)));
        else if (c instanceof Condition.Or o) o.children().forEach(x -> out.addAll(refs(x)));
        return out;
    }
}
