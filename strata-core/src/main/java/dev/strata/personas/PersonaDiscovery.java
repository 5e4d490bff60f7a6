package dev.strata.personas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Persona discovery: features of every profile, standardised; k chosen by the highest mean
 * silhouette of k-prototypes clusterings of a seeded sample for k in [kMin, kMax]; the chosen k
 * then clusters every profile, and each cluster is described by what distinguishes it.
 */
public final class PersonaDiscovery {

    /**
     * @param gamma   weight of one categorical mismatch; null for Huang's rule of thumb: half the
     *                mean standard deviation of the numeric columns (0.5 once they are standardised)
     * @param sample  rows clustered to choose k
     * @param silhouetteSample rows of that sample the silhouette is computed on (it is quadratic)
     */
    public record Options(int kMin, int kMax, long seed, Double gamma, int sample, int silhouetteSample) {
        public Options {
            if (kMin < 2 || kMax < kMin) throw new IllegalArgumentException("need 2 <= kMin <= kMax, got " + kMin + ".." + kMax);
            if (sample < 2 || silhouetteSample < 2) throw new IllegalArgumentException("samples must have at least 2 rows");
        }

        public static Options defaults(long seed) {
            return new Options(2, 8, seed, null, 6_000, 2_000);
        }
    }

    /** One k tried: its mean silhouette on the sample and its total cost. */
    public record Trial(int k, double silhouette, double cost) {
    }

    /** A discovered persona: its rows' user ids and what sets it apart. */
    public record Persona(int number, String name, int size, double share, List<PersonaDescriber.Distinction> distinctions,
                          List<String> members) {
        public String description() {
            return String.join("; ", distinctions.stream().map(PersonaDescriber.Distinction::text).toList());
        }
    }

    public record Result(double gamma, List<Trial> trials, int k, double cost, List<Persona> personas) {
    }

    private PersonaDiscovery() {
    }

    public static Result discover(PersonaFeatures.Table table, Options options) {
        MixedData data = PersonaFeatures.standardise(table);
        int rows = data.rows();
        if (rows < options.kMax()) throw new IllegalArgumentException("need at least " + options.kMax() + " profiles to try k up to " + options.kMax() + ", have " + rows);
        double gamma = options.gamma() != null ? options.gamma() : huangGamma(data);
        List<Integer> sampleRows = sample(rows, Math.min(rows, options.sample()), options.seed());
        MixedData sample = data.subset(sampleRows);
        List<Integer> silRows = sampleRows.size() <= options.silhouetteSample()
                ? range(sampleRows.size()) : sample(sampleRows.size(), options.silhouetteSample(), options.seed() + 1);
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (int k = options.kMin(); k <= options.kMax(); k++) {
            KPrototypes.Clustering c = new KPrototypes(k, gamma, options.seed()).fit(sample);
            int[] silAssign = new int[silRows.size()];
            for (int i = 0; i < silAssign.length; i++) silAssign[i] = c.assignments()[silRows.get(i)];
            double s = Silhouette.mean(sample.subset(silRows), silAssign, k, gamma);
            Trial t = new Trial(k, s, c.cost());
            trials.add(t);
            if (best == null || s > best.silhouette()) best = t;
        }
        KPrototypes.Clustering full = new KPrototypes(best.k(), gamma, options.seed()).fit(data);
        return new Result(gamma, trials, best.k(), full.cost(), personas(table, full));
    }

    /** Huang (1997) suggests gamma between 1/3 and 2/3 of the mean numeric standard deviation; we take 1/2. */
    static double huangGamma(MixedData data) {
        int p = data.numericColumns();
        if (p == 0) return 1;
        double sum = 0;
        for (int j = 0; j < p; j++) {
            org.apache.commons.math3.stat.descriptive.SummaryStatistics s = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
            for (double[] row : data.numeric()) s.addValue(row[j]);
            sum += s.getStandardDeviation();
        }
        return 0.5 * sum / p;
    }

    static List<Persona> personas(PersonaFeatures.Table table, KPrototypes.Clustering c) {
        int[] sizes = c.sizes();
        Integer[] order = new Integer[c.k()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // largest persona first, so numbering is stable and readable
        java.util.Arrays.sort(order, (a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        List<Persona> out = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            int cluster = order[rank];
            List<PersonaDescriber.Distinction> ds = PersonaDescriber.describe(table, c.assignments(), cluster, 4);
            List<String> members = new ArrayList<>(sizes[cluster]);
            for (int i = 0; i < c.assignments().length; i++) if (c.assignments()[i] == cluster) members.add(table.keys().get(i));
            String gist = ds.isEmpty() ? "close to average" : String.join(", ", ds.stream().limit(2).map(PersonaDescriber.Distinction::phrase).toList());
            String name = String.format(Locale.ROOT, "Persona %d: %s", rank + 1, gist);
            out.add(new Persona(rank + 1, name, sizes[cluster], (double) sizes[cluster] / table.rows(), ds, List.copyOf(members)));
        }
        return out;
    }

    /** A seeded sample of {@code m} distinct row indices out of {@code n}, ascending. */
    static List<Integer> sample(int n, int m, long seed) {
        if (m >= n) return range(n);
        RandomDataGenerator r = new RandomDataGenerator(new Well19937c(seed));
        int[] picked = r.nextPermutation(n, m);
        java.util.Arrays.sort(picked);
        List<Integer> out = new ArrayList<>(m);
        for (int i : picked) out.add(i);
        return out;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    /** Plain-text report of a discovery. */
    public static String report(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "gamma %.3f; k by mean silhouette on the sample:%n", r.gamma()));
        for (Trial t : r.trials()) {
            b.append(String.format(Locale.ROOT, "  k=%d  silhouette %.5f  cost %.0f%s%n", t.k(), t.silhouette(), t.cost(), t.k() == r.k() ? "  <- chosen" : ""));
        }
        b.append(String.format(Locale.ROOT, "%d personas (total cost %.0f):%n", r.k(), r.cost()));
        for (Persona p : r.personas()) {
            b.append(String.format(Locale.ROOT, "%n%s%n  %,d profiles (%.1f%%)%n", p.name(), p.size(), 100 * p.share()));
            for (PersonaDescriber.Distinction d : p.distinctions()) b.append("  - ").append(d.text()).append('\n');
        }
        return b.toString();
    }
}
