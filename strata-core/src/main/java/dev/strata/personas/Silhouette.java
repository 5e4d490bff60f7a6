package dev.strata.personas;

/**
 * Mean silhouette (Rousseeuw 1987) of a clustering under the k-prototypes dissimilarity: for each
 * row, a = mean dissimilarity to the rest of its cluster, b = the smallest mean dissimilarity to
 * another cluster, s = (b - a) / max(a, b); a row alone in its cluster scores 0. Quadratic in the
 * rows, so it is computed on a sample.
 */
public final class Silhouette {
    private Silhouette() {
    }

    public static double mean(MixedData data, int[] assignments, int k, double gamma) {
        int n = data.rows();
        if (n < 2 || k < 2) return 0;
        double total = 0;
        double[] sums = new double[k];
        int[] sizes = new int[k];
        for (int a : assignments) sizes[a]++;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sums, 0);
            double[] x = data.numeric()[i];
            int[] c = data.categorical()[i];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                sums[assignments[j]] += KPrototypes.distance(x, c, data.numeric()[j], data.categorical()[j], gamma);
            }
            int own = assignments[i];
            if (sizes[own] <= 1) continue;
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int cl = 0; cl < k; cl++) {
                if (cl != own && sizes[cl] > 0) b = Math.min(b, sums[cl] / sizes[cl]);
            }
            if (b == Double.POSITIVE_INFINITY) continue;
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }
}
