package dev.strata.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random draws built only on {@link SplittableRandom#nextDouble()} and {@link StrictMath}, so a
 * seed gives the same population on every JVM and platform (Math.log and friends may differ in
 * the last bit between JIT intrinsics and the interpreter; StrictMath may not).
 */
final class Draw {

    private Draw() {
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Standard normal by Box-Muller (one of the pair is dropped: simplicity beats the saving). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1], keeps log finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Standard normal redrawn until it falls within +-limit. */
    static double truncatedGaussian(SplittableRandom rng, double limit) {
        double z;
        do {
            z = gaussian(rng);
        } while (Math.abs(z) > limit);
        return z;
    }

    static double exponential(SplittableRandom rng, double mean) {
        return -mean * StrictMath.log(1.0 - rng.nextDouble());
    }

    /** Lognormal with mean exactly 1: exp(sigma Z - sigma^2 / 2). */
    static double lognormalMeanOne(SplittableRandom rng, double sigma) {
        return StrictMath.exp(sigma * gaussian(rng) - sigma * sigma / 2.0);
    }

    /** Poisson count; exact for small means, normal approximation (rounded, >= 0) above 30. */
    static int poisson(SplittableRandom rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            int k = 0;
            double p = rng.nextDouble();
            while (p > limit) {
                k++;
                p *= rng.nextDouble();
            }
            return k;
        }
        double x = mean + StrictMath.sqrt(mean) * gaussian(rng);
        return x <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, StrictMath.floor(x + 0.5));
    }

    /** An integer near {@code mean} (Gaussian, sd {@code sd}) kept within [lo, hi]. */
    static int roundedGaussian(SplittableRandom rng, double mean, double sd, int lo, int hi) {
        long v = (long) StrictMath.floor(mean + sd * gaussian(rng) + 0.5);
        return (int) Math.max(lo, Math.min(hi, v));
    }

    /** An index drawn with probability proportional to {@code weights}. */
    static int weighted(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last; // rounding left u at ~0: the last possible index, never a zero-weight one
    }

    /** An index drawn from cumulative weights that end at 1 (linear scan: the tables are short). */
    static int fromCumulative(SplittableRandom rng, double[] cumulative) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] c = new double[weights.length];
        double run = 0;
        int lastPositive = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            c[i] = run / total;
            if (weights[i] > 0) {
                lastPositive = i;
            }
        }
        // Pin the end to exactly 1 so rounding can never select a trailing zero-weight entry.
        Arrays.fill(c, lastPositive, c.length, 1.0);
        return c;
    }
}
