package dev.strata.personas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Says in plain words what sets a cluster apart: for every feature, how far the cluster sits from
 * the whole population in standard units (numeric: difference of means over the population's
 * standard deviation; categorical: for the level whose share moved most, difference of shares over
 * the binomial standard deviation sqrt(p(1 - p))); the largest few, strongest first.
 */
public final class PersonaDescriber {
    /** Differences smaller than this many standard units are not worth saying. */
    static final double MIN_EFFECT = 0.25;

    /** One distinguishing trait: a short phrase for names and a sentence with the figures. */
    public record Distinction(String feature, double effect, String phrase, String text) {
    }

    private PersonaDescriber() {
    }

    public static List<Distinction> describe(PersonaFeatures.Table table, int[] assignments, int cluster, int limit) {
        List<Distinction> all = new ArrayList<>();
        for (int j = 0; j < table.numericFeatures().size(); j++) {
            Feature.Numeric f = table.numericFeatures().get(j);
            double[] overall = meanSd(table, assignments, j, -1);
            double[] inside = meanSd(table, assignments, j, cluster);
            if (overall[1] == 0 || Double.isNaN(inside[0])) continue;
            double effect = (inside[0] - overall[0]) / overall[1];
            String phrase = effect > 0 ? f.more() : f.less();
            all.add(new Distinction(f.label(), effect, phrase,
                    String.format(Locale.ROOT, "%s (mean %s %s vs %s)", phrase, f.label(), number(inside[0]), number(overall[0]))));
        }
        for (int j = 0; j < table.categoricalFeatures().size(); j++) {
            Feature.Categorical f = table.categoricalFeatures().get(j);
            int levels = f.levelCount();
            double[] overall = new double[levels];
            double[] inside = new double[levels];
            int n = 0;
            int m = 0;
            for (int i = 0; i < assignments.length; i++) {
                int level = table.categorical()[i][j];
                overall[level]++;
                n++;
                if (assignments[i] == cluster) {
                    inside[level]++;
                    m++;
                }
            }
            if (m == 0) continue;
            Distinction best = null;
            for (int l = 0; l < levels; l++) {
                double p = overall[l] / n;
                double q = inside[l] / m;
                if (p <= 0 || p >= 1) continue;
                double effect = (q - p) / Math.sqrt(p * (1 - p));
                // on a tie (two levels always tie) the over-represented level reads better
                boolean stronger = best == null || Math.abs(effect) > Math.abs(best.effect()) + 1e-9
                        || (Math.abs(effect) > Math.abs(best.effect()) - 1e-9 && effect > 0 && best.effect() < 0);
                if (stronger) {
                    String phrase = (effect > 0 ? "" : "rarely ") + f.label() + " " + f.levelName(l);
                    best = new Distinction(f.label(), effect, phrase,
                            String.format(Locale.ROOT, "%s %s for %.0f%% vs %.0f%%", f.label(), f.levelName(l), 100 * q, 100 * p));
                }
            }
            if (best != null) all.add(best);
        }
        all.sort(Comparator.comparingDouble((Distinction d) -> -Math.abs(d.effect())).thenComparing(Distinction::feature));
        List<Distinction> out = new ArrayList<>();
        for (Distinction d : all) {
            if (out.size() >= limit || Math.abs(d.effect()) < MIN_EFFECT) break;
            out.add(d);
        }
        return out;
    }

    /** Mean and standard deviation of numeric column j over the cluster's rows (all rows for -1), missing values left out. */
    private static double[] meanSd(PersonaFeatures.Table table, int[] assignments, int j, int cluster) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < assignments.length; i++) {
            if (cluster >= 0 && assignments[i] != cluster) continue;
            double v = table.numeric()[i][j];
            if (Double.isNaN(v)) continue;
            sum += v;
            sq += v * v;
            n++;
        }
        if (n == 0) return new double[] {Double.NaN, 0};
        double mean = sum / n;
        double var = n < 2 ? 0 : Math.max(0, (sq - n * mean * mean) / (n - 1));
        return new double[] {mean, Math.sqrt(var)};
    }

    private static String number(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
