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

    /** Who meets a condition now; implementations must allow calls from several threads at once. */
    public interface Members {
        RoaringBitmap of(Condition condition);

        /** Who meets the condition among {@code among}: by default all of them, intersected. */
        default RoaringBitmap among(Condition condition, RoaringBitmap among) {
            return RoaringBitmap.and(of(condition), among);
        }
    }

    /** Evaluates every rule, one at a time. */
    public ScorecardMeasurement(ScorecardRules rules, Function<Condition, RoaringBitmap> members) {
        this(rules, members::apply, false);
    }

    /**
     * Evaluates every rule. The rules are independent, so with {@code parallel} they are evaluated
     * on the common pool's threads; a rate's counted condition is evaluated among its eligible
     * members only (a PDC among those with fills, not among everyone).
     */
    public ScorecardMeasurement(ScorecardRules rules, Members members, boolean parallel) {
        this.rules = rules;
        List<Condition> first = new ArrayList<>();
        for (ScorecardRules.Channel c : rules.channels()) first.add(c.reachable());
        for (ScorecardRules.Signal s : rules.engagement()) first.add(s.condition());
        for (ScorecardRules.Rate r : rules.rates()) first.add(r.eligible());
        List<RoaringBitmap> evaluated = map(first, members::of, parallel);
        int k = 0;
        for (int i = 0; i < rules.channels().size(); i++, k++) {
            reach.add(evaluated.get(k));
            reachAny.or(evaluated.get(k));
        }
        for (int i = 0; i < rules.engagement().size(); i++, k++) signals.add(evaluated.get(k));
        for (int i = 0; i < rules.rates().size(); i++, k++) eligible.add(evaluated.get(k));
        List<Integer> rates = new ArrayList<>();
        for (int i = 0; i < rules.rates().size(); i++) rates.add(i);
        // Counted only among the eligible, whatever the counted condition says on its own.
        counted.addAll(map(rates, i -> members.among(rules.rates().get(i).counted(), eligible.get(i)), parallel));
    }

    private static <T> List<RoaringBitmap> map(List<T> items, Function<T, RoaringBitmap> f, boolean parallel) {
        return (parallel ? items.parallelStream() : items.stream()).map(f).toList();
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
