package dev.strata.scorecard;

import dev.strata.lang.Condition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * Counts a scorecard's figures for many segments at once. Each rule's condition is evaluated once
 * over the whole population, whatever the number of segments; a segment's figures are then
 * intersection counts with its members, which cost microseconds where an evaluation costs
 * milliseconds at a million profiles.
 */
public final class ScorecardMeasurement {
    private final ScorecardRules rules;
    private final List<RoaringBitmap> reach = new ArrayList<>();
    private final RoaringBitmap reachAny = new RoaringBitmap();
    private final List<RoaringBitmap> signals = new ArrayList<>();
    private final List<RoaringBitmap> eligible = new ArrayList<>();
    private final List<RoaringBitmap> counted = new ArrayList<>();

    /**
     * Evaluates every rule.
     *
     * @param members who meets a condition now (for the live engine: under one read of its state)
     */
    public ScorecardMeasurement(ScorecardRules rules, Function<Condition, RoaringBitmap> members) {
        this.rules = rules;
        for (ScorecardRules.Channel c : rules.channels()) {
            RoaringBitmap m = members.apply(c.reachable());
            reach.add(m);
            reachAny.or(m);
        }
        for (ScorecardRules.Signal s : rules.engagement()) signals.add(members.apply(s.condition()));
        for (ScorecardRules.Rate r : rules.rates()) {
            RoaringBitmap e = members.apply(r.eligible());
            eligible.add(e);
            // Counted only among the eligible, whatever the counted condition says on its own.
            counted.add(RoaringBitmap.and(e, members.apply(r.counted())));
        }
    }

    public ScorecardRules rules() {
        return rules;
    }

    /**
     * The figures of each segment, in the order given, with its overlaps with all the others.
     *
     * @param segments members of each segment by id
     */
    public List<SegmentFigures> figures(Map<String, RoaringBitmap> segments) {
        List<SegmentFigures> out = new ArrayList<>(segments.size());
        for (Map.Entry<String, RoaringBitmap> s : segments.entrySet()) out.add(figures(s.getKey(), s.getValue(), segments));
        return out;
    }

    /** The figures of one segment, its overlaps taken with each of {@code others} but itself. */
    public SegmentFigures figures(String id, RoaringBitmap members, Map<String, RoaringBitmap> others) {
        List<SegmentFigures.Overlap> overlaps = new ArrayList<>();
        for (Map.Entry<String, RoaringBitmap> t : others.entrySet()) {
            if (t.getKey().equals(id)) continue;
            overlaps.add(new SegmentFigures.Overlap(t.getKey(), (long) RoaringBitmap.andCardinality(members, t.getValue())));
        }
        overlaps.sort(Comparator.comparing(SegmentFigures.Overlap::count).reversed().thenComparing(SegmentFigures.Overlap::id));
        return new SegmentFigures(id, (long) members.getCardinality(), within(members, reach),
                (long) RoaringBitmap.andCardinality(members, reachAny), within(members, signals),
                within(members, eligible), within(members, counted), overlaps);
    }

    private static List<Long> within(RoaringBitmap members, List<RoaringBitmap> sets) {
        List<Long> out = new ArrayList<>(sets.size());
        for (RoaringBitmap s : sets) out.add((long) RoaringBitmap.andCardinality(members, s));
        return out;
    }
}
