package dev.strata.personas;

import dev.strata.batch.BatchEvaluation;
import dev.strata.batch.SegmentDefinitions;
import dev.strata.synth.LatentSegment;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * How well the consumer-segment template recovers the latent segments: a confusion matrix with
 * true segments as rows and assigned template segments as columns (in {@link LatentSegment}
 * order), plus the profiles the template left in no segment or put in several.
 */
public record ClassifierEvaluation(long[][] confusion, long unassigned, long multiple, long profiles) {

    /** Evaluates the template over the population and counts each profile against its truth. */
    public static ClassifierEvaluation of(GeneratedPopulation generated, SegmentDefinitions template) {
        List<BatchEvaluation.Result> results = BatchEvaluation.evaluate(generated.population(), template);
        int n = LatentSegment.values().length;
        RoaringBitmap[] assigned = new RoaringBitmap[n];
        for (BatchEvaluation.Result r : results) {
            assigned[ConsumerSegments.latentOf(r.name()).ordinal()] = r.members();
        }
        for (int i = 0; i < n; i++) {
            if (assigned[i] == null) throw new IllegalArgumentException("the template has no segment \"" + LatentSegment.values()[i].displayName() + "\"");
        }
        long[][] confusion = new long[n][n];
        long unassigned = 0;
        long multiple = 0;
        int size = generated.population().size();
        for (int u = 0; u < size; u++) {
            int predicted = -1;
            int hits = 0;
            for (int j = 0; j < n; j++) {
                if (assigned[j].contains(u)) {
                    predicted = j;
                    hits++;
                }
            }
            if (hits == 0) unassigned++;
            else if (hits > 1) multiple++;
            else confusion[generated.truth(u).ordinal()][predicted]++;
        }
        return new ClassifierEvaluation(confusion, unassigned, multiple, size);
    }

    public long correct() {
        long c = 0;
        for (int i = 0; i < confusion.length; i++) c += confusion[i][i];
        return c;
    }

    /** Correctly placed profiles over all profiles (unassigned and multiply assigned count as wrong). */
    public double accuracy() {
        return profiles == 0 ? 0 : (double) correct() / profiles;
    }

    public long trueCount(int segment) {
        long s = 0;
        for (long v : confusion[segment]) s += v;
        return s;
    }

    public long assignedCount(int segment) {
        long s = 0;
        for (long[] row : confusion) s += row[segment];
        return s;
    }

    public double precision(int segment) {
        long a = assignedCount(segment);
        return a == 0 ? 0 : (double) confusion[segment][segment] / a;
    }

    public double recall(int segment) {
        long t = trueCount(segment);
        return t == 0 ? 0 : (double) confusion[segment][segment] / t;
    }

    /** Cohen's kappa: agreement beyond what the two sets of shares give by chance. */
    public double kappa() {
        double total = 0;
        for (int i = 0; i < confusion.length; i++) total += trueCount(i);
        if (total == 0) return 0;
        double chance = 0;
        for (int i = 0; i < confusion.length; i++) chance += (trueCount(i) / total) * (assignedCount(i) / total);
        double observed = correct() / total;
        return chance >= 1 ? 0 : (observed - chance) / (1 - chance);
    }

    /** Markdown tables: the confusion matrix, then per segment shares, precision and recall. */
    public String report() {
        LatentSegment[] segs = LatentSegment.values();
        StringBuilder b = new StringBuilder();
        b.append("| true \\ assigned |");
        for (LatentSegment s : segs) b.append(' ').append(s.displayName()).append(" |");
        b.append(" total |\n|---|");
        for (int j = 0; j <= segs.length; j++) b.append("---:|");
        b.append('\n');
        for (int i = 0; i < segs.length; i++) {
            b.append("| ").append(segs[i].displayName()).append(" |");
            for (int j = 0; j < segs.length; j++) b.append(' ').append(confusion[i][j]).append(" |");
            b.append(' ').append(trueCount(i)).append(" |\n");
        }
        b.append("| total |");
        for (int j = 0; j < segs.length; j++) b.append(' ').append(assignedCount(j)).append(" |");
        b.append(' ').append(profiles - unassigned - multiple).append(" |\n\n");
        b.append("| segment | target share | latent share | assigned share | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < segs.length; i++) {
            b.append(String.format(java.util.Locale.ROOT, "| %s | %.0f%% | %.1f%% | %.1f%% | %.3f | %.3f |%n", segs[i].displayName(),
                    100 * segs[i].share(), 100.0 * trueCount(i) / profiles, 100.0 * assignedCount(i) / profiles, precision(i), recall(i)));
        }
        b.append(String.format(java.util.Locale.ROOT, "%naccuracy %.4f (%d of %d profiles), Cohen's kappa %.3f; unassigned %d, in several segments %d%n",
                accuracy(), correct(), profiles, kappa(), unassigned, multiple));
        return b.toString();
    }
}
