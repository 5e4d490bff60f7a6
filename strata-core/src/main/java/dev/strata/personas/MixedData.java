package dev.strata.personas;

import java.util.List;

/**
 * Rows of mixed features for clustering: numeric columns (already standardised by the caller when
 * they should weigh alike) and categorical columns as level codes 0..levels-1.
 *
 * @param numeric     n rows of p numeric values
 * @param categorical n rows of q level codes
 * @param levels      per categorical column, its number of levels
 */
public record MixedData(double[][] numeric, int[][] categorical, int[] levels) {
    public MixedData {
        if (numeric.length != categorical.length) {
            throw new IllegalArgumentException("numeric has " + numeric.length + " rows but categorical has " + categorical.length);
        }
        for (int i = 0; i < categorical.length; i++) {
            if (categorical[i].length != levels.length) {
                throw new IllegalArgumentException("row " + i + " has " + categorical[i].length + " categorical values, expected " + levels.length);
            }
            for (int j = 0; j < levels.length; j++) {
                if (categorical[i][j] < 0 || categorical[i][j] >= levels[j]) {
                    throw new IllegalArgumentException("row " + i + " column " + j + ": level " + categorical[i][j] + " outside 0.." + (levels[j] - 1));
                }
            }
        }
    }

    public int rows() {
        return numeric.length;
    }

    public int numericColumns() {
        return numeric.length == 0 ? 0 : numeric[0].length;
    }

    /** The rows at the given indices (shared arrays, not copies). */
    public MixedData subset(List<Integer> indices) {
        double[][] num = new double[indices.size()][];
        int[][] cat = new int[indices.size()][];
        for (int i = 0; i < num.length; i++) {
            num[i] = numeric[indices.get(i)];
            cat[i] = categorical[indices.get(i)];
        }
        return new MixedData(num, cat, levels);
    }
}
