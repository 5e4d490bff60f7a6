package dev.strata.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks segments by a weighted sum of their metrics. Each weighted metric is rescaled to 0..1
 * across the segments ranked (min to max; size on a log scale); a positive weight prefers high
 * values, a negative one low values. The score is the weighted mean of those, 0 to 100, over the
 * metrics the segment has: a segment without a metric (no one eligible, or withheld) is scored on
 * the others rather than as the worst, and the metric is listed as missing.
 */
public final class Ranking {

    private Ranking() {
    }

    /** A segment and its metrics (nulls are unknown). */
    public record Row(String id, Map<String, Double> metrics) {
    }

    /**
     * A place in the ranking.
     *
     * @param score         0..100, null when none of the weighted metrics is known
     * @param contributions each weighted metric's points in the score
     * @param missing       weighted metrics the segment has no value for
     */
    public record Ranked(String id, int rank, Double score, Map<String, Double> contributions, List<String> missing) {
    }

    /**
     * Ranks rows, best first; ties (and unscored rows, last) keep their given order.
     *
     * @param weights metric to weight; zero weights are ignored
     */
    public static List<Ranked> rank(List<Row> rows, Map<String, Double> weights) {
        Map<String, double[]> ranges = new HashMap<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getValue() == 0) continue;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Row r : rows) {
                Double v = r.metrics().get(w.getKey());
                if (v == null) continue;
                double x = scaled(w.getKey(), v);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ranges.put(w.getKey(), new double[] {lo, hi});
        }
        List<Ranked> scored = new ArrayList<>(rows.size());
        for (Row r : rows) scored.add(score(r, weights, ranges));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> scored.get(i).score() == null)
                .thenComparing(i -> scored.get(i).score() == null ? 0 : -scored.get(i).score()));
        List<Ranked> out = new ArrayList<>(rows.size());
        for (int place = 0; place < order.size(); place++) {
            Ranked s = scored.get(order.get(place));
            out.add(new Ranked(s.id(), place + 1, s.score(), s.contributions(), s.missing()));
        }
        return out;
    }

    private static Ranked score(Row r, Map<String, Double> weights, Map<String, double[]> ranges) {
        double points = 0;
        double total = 0;
        Map<String, Double> contributions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            double weight = w.getValue();
            if (weight == 0) continue;
            Double v = r.metrics().get(w.getKey());
            if (v == null) {
                missing.add(w.getKey());
                continue;
            }
            double[] range = ranges.get(w.getKey());
            // All equal: the metric does not tell the segments apart, so it gives everyone half.
            double n = range[1] > range[0] ? (scaled(w.getKey(), v) - range[0]) / (range[1] - range[0]) : 0.5;
            double p = Math.abs(weight) * (weight > 0 ? n : 1 - n);
            contributions.put(w.getKey(), p);
            points += p;
            total += Math.abs(weight);
        }
        if (total == 0) return new Ranked(r.id(), 0, null, Map.of(), missing);
        Map<String, Double> scaledContributions = new LinkedHashMap<>();
        for (Map.Entry<String, Double> c : contributions.entrySet()) scaledContributions.put(c.getKey(), 100 * c.getValue() / total);
        // Rounding can carry a perfect score a hair past 100.
        return new Ranked(r.id(), 0, Math.min(100, 100 * points / total), scaledContributions, missing);
    }

    private static double scaled(String metric, double v) {
        return ScorecardMetrics.SIZE.equals(metric) ? Math.log10(1 + Math.max(0, v)) : v;
    }
}
