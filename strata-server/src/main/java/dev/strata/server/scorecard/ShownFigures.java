package dev.strata.server.scorecard;

import dev.strata.scorecard.ScorecardRules;
import dev.strata.scorecard.SegmentFigures;
import dev.strata.server.web.SmallCells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment's scorecard counts as one caller may see them. Each count is shown against the whole it
 * is part of (reachable against the size, counted against the eligible), so neither it nor the rest
 * of the whole is a small cell; {@link #known()} keeps the counts shown as numbers, and every share
 * and metric is computed from those only.
 */
final class ShownFigures {
    private final ScorecardRules rules;
    private final SegmentFigures exact;
    private final Object size;
    private final Object reachAny;
    private final List<Object> reach = new ArrayList<>();
    private final List<Object> signals = new ArrayList<>();
    private final List<Object> eligible = new ArrayList<>();
    private final List<Object> counted = new ArrayList<>();
    private final List<Object> overlaps = new ArrayList<>();

    ShownFigures(ScorecardRules rules, SegmentFigures exact, SmallCells rule) {
        this.rules = rules;
        this.exact = exact;
        long whole = exact.size();
        size = rule.count(whole);
        reachAny = rule.partOf(exact.reachAny(), whole);
        for (Long n : exact.reach()) reach.add(rule.partOf(n, whole));
        for (Long n : exact.signals()) signals.add(rule.partOf(n, whole));
        for (int i = 0; i < exact.eligible().size(); i++) {
            Object e = rule.partOf(exact.eligible().get(i), whole);
            eligible.add(e);
            // Counted out of the eligible: when the eligible count is withheld, so is what it would bound.
            counted.add(e instanceof Long ? rule.partOf(exact.counted().get(i), exact.eligible().get(i)) : SmallCells.HIDDEN);
        }
        for (SegmentFigures.Overlap o : exact.overlaps()) overlaps.add(rule.count(o.count()));
    }

    /** The figures with every count not shown as a number unknown (null). */
    SegmentFigures known() {
        List<SegmentFigures.Overlap> o = new ArrayList<>();
        for (int i = 0; i < overlaps.size(); i++) o.add(new SegmentFigures.Overlap(exact.overlaps().get(i).id(), number(overlaps.get(i))));
        return new SegmentFigures(exact.id(), number(size), numbers(reach), number(reachAny), numbers(signals),
                numbers(eligible), numbers(counted), o);
    }

    Object size() {
        return size;
    }

    /** {@code {"any": {count, share}, "email": {...}, ...}}. */
    Map<String, Object> reach() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("any", countAndShare(reachAny, size));
        for (int i = 0; i < reach.size(); i++) out.put(rules.channels().get(i).name(), countAndShare(reach.get(i), size));
        return out;
    }

    /** Each signal's count and share, with its weight. */
    Map<String, Object> signals() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            Map<String, Object> m = countAndShare(signals.get(i), size);
            m.put("weight", rules.engagement().get(i).weight());
            out.put(rules.engagement().get(i).name(), m);
        }
        return out;
    }

    /** Each rate: its kind, eligible and counted counts, and the rate among the eligible. */
    List<Map<String, Object>> rates() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            ScorecardRules.Rate r = rules.rates().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("kind", r.kind().word());
            m.put("eligible", eligible.get(i));
            m.put(r.kind() == ScorecardRules.RateKind.ADHERENCE ? "adherent" : "due", counted.get(i));
            m.put("rate", share(counted.get(i), eligible.get(i)));
            out.add(m);
        }
        return out;
    }

    /** The largest overlaps with other segments, by name, with the share of this segment's members. */
    List<Map<String, Object>> overlaps(java.util.function.Function<String, String> nameOf, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < overlaps.size() && out.size() < limit; i++) {
            SegmentFigures.Overlap o = exact.overlaps().get(i);
            if (o.count() == 0) break;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("name", nameOf.apply(o.id()));
            m.put("count", overlaps.get(i));
            m.put("share", share(overlaps.get(i), size));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> countAndShare(Object count, Object whole) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("share", share(count, whole));
        return m;
    }

    private static Double share(Object part, Object whole) {
        return part instanceof Long p && whole instanceof Long w && w > 0 ? p / (double) w : null;
    }

    private static Long number(Object shown) {
        return shown instanceof Long n ? n : null;
    }

    private static List<Long> numbers(List<Object> shown) {
        List<Long> out = new ArrayList<>(shown.size());
        for (Object o : shown) out.add(number(o));
        return out;
    }
}
