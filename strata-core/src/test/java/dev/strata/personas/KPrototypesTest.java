package dev.strata.personas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KPrototypesTest {

    /**
     * Three planted groups of 300: numeric centres far apart on the first column only (the second
     * is noise shared by all), and each group's own level on the first categorical column (80% of
     * the time); the second categorical column is noise.
     */
    static MixedData planted(long seed, int[] truth) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = truth.length;
        double[][] num = new double[n][2];
        int[][] cat = new int[n][2];
        double[] centres = {-4, 0, 4};
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            truth[i] = g;
            num[i][0] = centres[g] + gaussian(r);
            num[i][1] = gaussian(r);
            cat[i][0] = r.nextDouble() < 0.8 ? g : r.nextInt(3);
            cat[i][1] = r.nextInt(4);
        }
        return new MixedData(num, cat, new int[] {3, 4});
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void recovers_planted_clusters() {
        int[] truth = new int[900];
        MixedData data = planted(11, truth);
        KPrototypes.Clustering c = new KPrototypes(3, 0.5, 42).fit(data);
        assertThat(agreement(truth, c.assignments(), 3)).isGreaterThan(0.95);
        assertThat(java.util.Arrays.stream(c.sizes()).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(250, 350));
    }

    @Test
    void categorical_columns_alone_separate_groups_when_numbers_say_nothing() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 600;
        double[][] num = new double[n][1];
        int[][] cat = new int[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 2;
            num[i][0] = gaussian(r);
            for (int j = 0; j < 3; j++) cat[i][j] = r.nextDouble() < 0.9 ? truth[i] : 1 - truth[i];
        }
        KPrototypes.Clustering c = new KPrototypes(2, 2.0, 1).fit(new MixedData(num, cat, new int[] {2, 2, 2}));
        assertThat(agreement(truth, c.assignments(), 2)).isGreaterThan(0.9);
    }

    @Test
    void the_same_seed_gives_the_same_clustering() {
        int[] truth = new int[600];
        MixedData data = planted(3, truth);
        KPrototypes.Clustering a = new KPrototypes(4, 0.5, 99).fit(data);
        KPrototypes.Clustering b = new KPrototypes(4, 0.5, 99).fit(data);
        assertThat(b.assignments()).isEqualTo(a.assignments());
        assertThat(b.cost()).isEqualTo(a.cost());
    }

    @Test
    void the_silhouette_prefers_the_planted_k() {
        int[] truth = new int[900];
        MixedData data = planted(21, truth);
        double best = Double.NEGATIVE_INFINITY;
        int bestK = -1;
        for (int k = 2; k <= 6; k++) {
            KPrototypes.Clustering c = new KPrototypes(k, 0.5, 7).fit(data);
            double s = Silhouette.mean(data, c.assignments(), k, 0.5);
            if (s > best) {
                best = s;
                bestK = k;
            }
        }
        assertThat(bestK).isEqualTo(3);
    }

    @Test
    void an_empty_cluster_is_refilled_so_k_clusters_come_out() {
        // 12 identical rows: every seed is the same point, every row ties to the first cluster, and the
        // other two start empty (with distinct rows, k-means++ seeds each once and none is ever empty)
        double[][] num = new double[12][1];
        int[][] cat = new int[12][1];
        KPrototypes.Clustering c = new KPrototypes(3, 1, 3).fit(new MixedData(num, cat, new int[] {1}));
        assertThat(java.util.Arrays.stream(c.sizes()).boxed().toList()).hasSize(3).allSatisfy(s -> assertThat(s).isPositive());
    }

    /** Share of rows whose cluster's majority true group is their own group. */
    static double agreement(int[] truth, int[] assigned, int k) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int i = 0; i < truth.length; i++) counts.computeIfAbsent(assigned[i], x -> new int[k])[truth[i]]++;
        int agree = 0;
        for (int[] c : counts.values()) {
            int max = 0;
            for (int v : c) max = Math.max(max, v);
            agree += max;
        }
        return (double) agree / truth.length;
    }

    @Test
    void planted_distinguishing_features_are_the_ones_described() {
        // cluster 1 is older and mostly on medicare; income is the same everywhere
        SplittableRandom r = new SplittableRandom(8);
        int n = 1000;
        double[][] raw = new double[n][2];
        int[][] cat = new int[n][1];
        int[] assign = new int[n];
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            assign[i] = i < 300 ? 1 : 0;
            raw[i][0] = (assign[i] == 1 ? 72 : 40) + 6 * gaussian(r);
            raw[i][1] = 1 + r.nextInt(5);
            cat[i][0] = assign[i] == 1 ? (r.nextDouble() < 0.85 ? 0 : 1) : (r.nextDouble() < 0.1 ? 0 : 1);
            keys.add("u" + i);
        }
        Feature.Numeric age = new Feature.Numeric("age", "age(birthday) >= %d", List.of(), Double.NaN, "older", "younger", false);
        Feature.Numeric income = new Feature.Numeric("income band", "income_band >= %d", List.of(), Double.NaN, "higher income", "lower income", false);
        Feature.Categorical plan = new Feature.Categorical("plan", List.of("medicare", "commercial"), List.of("", ""), "unknown");
        PersonaFeatures.Table table = new PersonaFeatures.Table(List.of(age, income), List.of(plan), raw, cat, keys);
        List<PersonaDescriber.Distinction> ds = PersonaDescriber.describe(table, assign, 1, 3);
        assertThat(ds).extracting(PersonaDescriber.Distinction::feature).containsExactlyInAnyOrder("age", "plan");
        assertThat(ds.get(0).text()).startsWith("older (mean age 7");
        assertThat(ds).anySatisfy(d -> assertThat(d.text()).startsWith("plan medicare for 8"));
        assertThat(PersonaDescriber.describe(table, assign, 0, 3)).extracting(PersonaDescriber.Distinction::phrase).contains("younger");
    }
}
