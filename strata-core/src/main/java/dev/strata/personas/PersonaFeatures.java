package dev.strata.personas;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.roaringbitmap.RoaringBitmap;

/**
 * Reads the persona features of every profile through the segment language (one definition per
 * ladder rung or category level) and turns them into standardised clustering input.
 */
public final class PersonaFeatures {

    /** Raw feature values: numeric in their own units (NaN when missing), categorical as level codes. */
    public record Table(List<Feature.Numeric> numericFeatures, List<Feature.Categorical> categoricalFeatures,
                       double[][] numeric, int[][] categorical, List<String> keys) {
        public int rows() {
            return keys.size();
        }
    }

    private PersonaFeatures() {
    }

    /** The features used by default: demographics, plan, attitudes, device and care and app use. */
    public static List<Feature> standard() {
        List<Feature> f = new ArrayList<>();
        f.add(numeric("age", "age(birthday) >= %d", range(18, 98), Double.NaN, "older", "younger", false));
        f.add(numeric("chronic conditions", "chronic_conditions >= %d", range(0, 8), Double.NaN, "more chronic conditions", "fewer chronic conditions", false));
        f.add(numeric("income band", "income_band >= %d", range(1, 5), Double.NaN, "higher income", "lower income", false));
        f.add(numeric("trust", "attitudes.trust >= %d", range(1, 5), Double.NaN, "more trusting", "less trusting", false));
        f.add(numeric("satisfaction", "attitudes.satisfaction >= %d", range(1, 5), Double.NaN, "more satisfied", "less satisfied", false));
        f.add(numeric("cost consciousness", "attitudes.cost_conscious >= %d", range(1, 5), Double.NaN, "more cost conscious", "less cost conscious", false));
        f.add(numeric("app opens in 90 days", "count(\"App Open\" within 90d) >= %d", List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233), 0,
                "opens the app more", "rarely opens the app", true));
        f.add(numeric("app opens in 365 days", "count(\"App Open\" within 365d) >= %d", List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377), 0,
                "used the app more this year", "used the app less this year", true));
        f.add(numeric("doctor visits in 365 days", "count(\"Doctor Visit\" within 365d) >= %d", List.of(1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20), 0,
                "more doctor visits", "fewer doctor visits", true));
        f.add(numeric("refills in 365 days", "count(\"Medication Refill\" within 365d) >= %d", List.of(1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 25, 30, 40), 0,
                "more refills", "fewer refills", true));
        f.add(numeric("screenings in 730 days", "count(\"Screening Completed\" within 730d) >= %d", List.of(1, 2, 3, 4, 6, 8, 12), 0,
                "more screenings", "fewer screenings", true));
        f.add(numeric("step goals in 90 days", "count(\"Step Goal Met\" within 90d) >= %d", List.of(1, 2, 3, 5, 8, 13, 21, 34, 55), 0,
                "meets step goals more", "rarely meets step goals", true));
        f.add(new Feature.Categorical("plan", List.of("medicare", "medicare_advantage", "medicaid", "commercial", "marketplace", "uninsured"),
                List.of("plan = \"medicare\"", "plan = \"medicare_advantage\"", "plan = \"medicaid\"", "plan = \"commercial\"",
                        "plan = \"marketplace\"", "plan = \"uninsured\""), "unknown"));
        f.add(new Feature.Categorical("device", List.of("mobile", "desktop"),
                List.of("context.device.type = \"mobile\"", "context.device.type = \"desktop\""), "none"));
        f.add(yesNo("prefers online", "attitudes.prefers_online"));
        f.add(yesNo("alternative care", "attitudes.alternative_care"));
        f.add(new Feature.Categorical("gender", List.of("female", "male"), List.of("gender = \"female\"", "gender = \"male\""), "other or unknown"));
        f.add(new Feature.Categorical("flu shot in 365 days", List.of("yes"),
                List.of("did \"Immunization\" where vaccine = \"influenza\" within 365d"), "no"));
        return f;
    }

    /** Evaluates every rung and level over the source. */
    public static Table extract(ProfileSource source, List<Feature> features) {
        List<Feature.Numeric> nums = new ArrayList<>();
        List<Feature.Categorical> cats = new ArrayList<>();
        for (Feature f : features) {
            if (f instanceof Feature.Numeric n) nums.add(n);
            else if (f instanceof Feature.Categorical c) cats.add(c);
        }
        int rows = source.size();
        double[][] numeric = new double[rows][nums.size()];
        int[][] categorical = new int[rows][cats.size()];
        for (int j = 0; j < nums.size(); j++) {
            Feature.Numeric f = nums.get(j);
            double[] column = new double[rows];
            Arrays.fill(column, f.below());
            for (int rung : f.rungs()) {
                // rungs ascend and their member sets are nested, so the last one written is the highest that holds
                RoaringBitmap m = source.members().apply(parse(String.format(java.util.Locale.ROOT, f.template(), rung), f.label()));
                int value = rung;
                m.forEach((int id) -> {
                    int row = source.row(id);
                    if (row >= 0) column[row] = value;
                });
            }
            for (int i = 0; i < rows; i++) numeric[i][j] = column[i];
        }
        for (int j = 0; j < cats.size(); j++) {
            Feature.Categorical f = cats.get(j);
            int[] column = new int[rows];
            Arrays.fill(column, f.levels().size());
            // the first level that holds wins: walk the levels backwards so earlier ones overwrite later ones
            for (int level = f.levels().size() - 1; level >= 0; level--) {
                RoaringBitmap m = source.members().apply(parse(f.definitions().get(level), f.label()));
                int code = level;
                m.forEach((int id) -> {
                    int row = source.row(id);
                    if (row >= 0) column[row] = code;
                });
            }
            for (int i = 0; i < rows; i++) categorical[i][j] = column[i];
        }
        return new Table(List.copyOf(nums), List.copyOf(cats), numeric, categorical, List.copyOf(source.keys()));
    }

    /**
     * Clustering input: each numeric column (log(1 + x) first where the feature says so) is
     * standardised to mean 0 and standard deviation 1 over the profiles that have it; a missing
     * value becomes 0, the column mean, so it pulls towards no cluster.
     */
    public static MixedData standardise(Table table) {
        int rows = table.rows();
        int p = table.numericFeatures().size();
        double[][] z = new double[rows][p];
        for (int j = 0; j < p; j++) {
            boolean log = table.numericFeatures().get(j).logScale();
            SummaryStatistics stats = new SummaryStatistics();
            for (int i = 0; i < rows; i++) {
                double v = table.numeric()[i][j];
                if (!Double.isNaN(v)) stats.addValue(log ? Math.log1p(v) : v);
            }
            double mean = stats.getN() == 0 ? 0 : stats.getMean();
            double sd = stats.getN() < 2 || stats.getStandardDeviation() == 0 ? 1 : stats.getStandardDeviation();
            for (int i = 0; i < rows; i++) {
                double v = table.numeric()[i][j];
                z[i][j] = Double.isNaN(v) ? 0 : ((log ? Math.log1p(v) : v) - mean) / sd;
            }
        }
        int[] levels = table.categoricalFeatures().stream().mapToInt(Feature.Categorical::levelCount).toArray();
        return new MixedData(z, table.categorical(), levels);
    }

    private static Condition parse(String definition, String feature) {
        try {
            return SegmentParser.parse(definition, n -> false);
        } catch (RuntimeException e) {
            throw new IllegalStateException("feature \"" + feature + "\": invalid definition " + definition + ": " + e.getMessage(), e);
        }
    }

    private static Feature.Numeric numeric(String label, String template, List<Integer> rungs, double below, String more, String less, boolean log) {
        return new Feature.Numeric(label, template, rungs, below, more, less, log);
    }

    private static Feature.Categorical yesNo(String label, String path) {
        return new Feature.Categorical(label, List.of("yes", "no"), List.of(path + " = true", path + " = false"), "unknown");
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
