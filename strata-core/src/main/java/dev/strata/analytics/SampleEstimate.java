package dev.strata.analytics;

/**
 * A population count from a uniform sample: the proportion found in the sample scaled to the
 * population, with a 95% Wilson score interval narrowed by the finite-population correction and
 * clipped to what the sample proves (at least the members found, at most all but the non-members
 * found).
 *
 * @param size    the estimate
 * @param low     lower end of the 95% interval
 * @param high    upper end of the 95% interval
 * @param exact   whether the sample was the whole population (then size = low = high)
 * @param sampled profiles in the sample
 */
public record SampleEstimate(long size, long low, long high, boolean exact, long sampled) {
    private static final double Z = 1.959963984540054;

    /** The exact count of a whole population. */
    public static SampleEstimate exact(long size, long population) {
        return new SampleEstimate(size, size, size, true, population);
    }

    /**
     * @param hits       members found in the sample
     * @param sampled    profiles in the sample
     * @param population profiles in the population the sample was drawn from
     */
    public static SampleEstimate of(long hits, long sampled, long population) {
        if (hits < 0 || hits > sampled || sampled > population) {
            throw new IllegalArgumentException("need 0 <= hits <= sampled <= population, got " + hits + ", " + sampled + ", " + population);
        }
        if (sampled == population) return exact(hits, population);
        if (sampled == 0) return new SampleEstimate(0, 0, population, false, 0);
        double n = sampled;
        double p = hits / n;
        double z2 = Z * Z;
        double fpc = population > 1 ? Math.sqrt((population - n) / (population - 1.0)) : 0;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) * fpc;
        long size = Math.round(p * population);
        long low = Math.max(hits, (long) Math.floor((centre - half) * population));
        long high = Math.min(population - (sampled - hits), (long) Math.ceil((centre + half) * population));
        low = Math.min(low, size);
        high = Math.max(high, size);
        return new SampleEstimate(size, low, high, false, sampled);
    }
}
