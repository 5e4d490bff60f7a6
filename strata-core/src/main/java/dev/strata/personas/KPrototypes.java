package dev.strata.personas;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Huang's k-prototypes (1997): k-means on the numeric columns and k-modes on the categorical ones,
 * with the dissimilarity {@code sum((x - m)^2) + gamma * (number of categorical mismatches)}.
 * Prototypes start from a k-means++ draw under that dissimilarity; each round assigns every row to
 * its nearest prototype, then moves each prototype to its cluster's means and modes (ties to the
 * lowest level), until no row changes cluster. The best of {@code restarts} runs (lowest total
 * cost) is kept. Deterministic for a seed: one Well19937c stream drives every draw.
 */
public final class KPrototypes {

    /** A clustering: the cluster of every row, the prototypes, and the total dissimilarity. */
    public record Clustering(int[] assignments, double[][] means, int[][] modes, double cost, int iterations) {
        public int k() {
            return means.length;
        }

        public int[] sizes() {
            int[] s = new int[means.length];
            for (int a : assignments) s[a]++;
            return s;
        }
    }

    private final int k;
    private final double gamma;
    private final long seed;
    private final int maxIterations;
    private final int restarts;

    public KPrototypes(int k, double gamma, long seed, int maxIterations, int restarts) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        if (gamma < 0) throw new IllegalArgumentException("gamma must not be negative, got " + gamma);
        if (maxIterations < 1 || restarts < 1) throw new IllegalArgumentException("maxIterations and restarts must be positive");
        this.k = k;
        this.gamma = gamma;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.restarts = restarts;
    }

    public KPrototypes(int k, double gamma, long seed) {
        this(k, gamma, seed, 100, 3);
    }

    /** Dissimilarity between a row and a prototype (or another row). */
    public static double distance(double[] x, int[] c, double[] mean, int[] mode, double gamma) {
        double d = 0;
        for (int j = 0; j < x.length; j++) {
            double diff = x[j] - mean[j];
            d += diff * diff;
        }
        int mismatches = 0;
        for (int j = 0; j < c.length; j++) if (c[j] != mode[j]) mismatches++;
        return d + gamma * mismatches;
    }

    public Clustering fit(MixedData data) {
        if (data.rows() < k) throw new IllegalArgumentException("cannot make " + k + " clusters of " + data.rows() + " rows");
        RandomGenerator rng = new Well19937c(seed);
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering c = run(data, rng);
            if (best == null || c.cost() < best.cost()) best = c;
        }
        return best;
    }

    private Clustering run(MixedData data, RandomGenerator rng) {
        int n = data.rows();
        double[][] means = new double[k][];
        int[][] modes = new int[k][];
        seedPrototypes(data, rng, means, modes);
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        int iterations = 0;
        boolean changed = true;
        while (changed && iterations < maxIterations) {
            iterations++;
            changed = false;
            for (int i = 0; i < n; i++) {
                int c = nearest(data.numeric()[i], data.categorical()[i], means, modes);
                if (c != assign[i]) {
                    assign[i] = c;
                    changed = true;
                }
            }
            refillEmpty(data, assign, means, modes);
            update(data, assign, means, modes);
        }
        double cost = 0;
        for (int i = 0; i < n; i++) cost += distance(data.numeric()[i], data.categorical()[i], means[assign[i]], modes[assign[i]], gamma);
        return new Clustering(assign, means, modes, cost, iterations);
    }

    /** k-means++: the first prototype is a random row, each next one a row drawn with probability proportional to its distance to the nearest chosen. */
    private void seedPrototypes(MixedData data, RandomGenerator rng, double[][] means, int[][] modes) {
        int n = data.rows();
        int first = rng.nextInt(n);
        means[0] = data.numeric()[first].clone();
        modes[0] = data.categorical()[first].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(data.numeric()[i], data.categorical()[i], means[c - 1], modes[c - 1], gamma));
                total += nearest[i];
            }
            int pick = n - 1;
            if (total > 0) {
                double target = rng.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    target -= nearest[i];
                    if (target < 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(n);
            }
            means[c] = data.numeric()[pick].clone();
            modes[c] = data.categorical()[pick].clone();
        }
    }

    private int nearest(double[] x, int[] cat, double[][] means, int[][] modes) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double d = distance(x, cat, means[c], modes[c], gamma);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** An empty cluster takes the row farthest from its own prototype, so k clusters always come out. */
    private void refillEmpty(MixedData data, int[] assign, double[][] means, int[][] modes) {
        int[] sizes = new int[k];
        for (int a : assign) sizes[a]++;
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) continue;
            int far = -1;
            double farD = -1;
            for (int i = 0; i < assign.length; i++) {
                if (sizes[assign[i]] <= 1) continue;
                double d = distance(data.numeric()[i], data.categorical()[i], means[assign[i]], modes[assign[i]], gamma);
                if (d > farD) {
                    farD = d;
                    far = i;
                }
            }
            if (far < 0) continue;
            sizes[assign[far]]--;
            assign[far] = c;
            sizes[c]++;
        }
    }

    private void update(MixedData data, int[] assign, double[][] means, int[][] modes) {
        int p = data.numericColumns();
        int q = data.levels().length;
        double[][] sums = new double[k][p];
        int[] sizes = new int[k];
        int[][][] counts = new int[k][q][];
        for (int c = 0; c < k; c++) for (int j = 0; j < q; j++) counts[c][j] = new int[data.levels()[j]];
        for (int i = 0; i < assign.length; i++) {
            int c = assign[i];
            sizes[c]++;
            double[] x = data.numeric()[i];
            for (int j = 0; j < p; j++) sums[c][j] += x[j];
            int[] cat = data.categorical()[i];
            for (int j = 0; j < q; j++) counts[c][j][cat[j]]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) continue;
            for (int j = 0; j < p; j++) means[c][j] = sums[c][j] / sizes[c];
            for (int j = 0; j < q; j++) {
                int best = 0;
                for (int l = 1; l < counts[c][j].length; l++) if (counts[c][j][l] > counts[c][j][best]) best = l;
                modes[c][j] = best;
            }
        }
    }
}
