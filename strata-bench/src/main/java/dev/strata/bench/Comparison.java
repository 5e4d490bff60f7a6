package dev.strata.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** Runs every query on both sides: warm-up runs, then timed runs whose median is kept. */
final class Comparison {

    private final int warmup;
    private final int runs;
    private final PrintStream progress;

    Comparison(int warmup, int runs, PrintStream progress) {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up runs must be 0 or more, got " + warmup);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("timed runs must be 1 or more, got " + runs);
        }
        this.warmup = warmup;
        this.runs = runs;
        this.progress = progress;
    }

    List<QueryResult> run(List<WorkloadQuery> queries, ToLongFunction<WorkloadQuery> strata,
                          ToLongFunction<WorkloadQuery> duckdb) {
        // One untimed pass over the whole workload first, on both sides: lazily built indexes,
        // JIT compilation and DuckDB's caches then do not land on whichever query comes first.
        for (int pass = 0; pass < Math.min(1, warmup); pass++) {
            for (WorkloadQuery q : queries) {
                strata.applyAsLong(q);
                duckdb.applyAsLong(q);
            }
        }
        List<QueryResult> results = new ArrayList<>();
        for (WorkloadQuery q : queries) {
            Measured s = measure(q, "strata", strata);
            Measured d = measure(q, "duckdb", duckdb);
            results.add(new QueryResult(q.id(), s.medianMs(), d.medianMs(), s.count(), d.count()));
        }
        return results;
    }

    private record Measured(double medianMs, long count) {
    }

    private Measured measure(WorkloadQuery q, String side, ToLongFunction<WorkloadQuery> counter) {
        long count = -1;
        for (int i = 0; i < warmup; i++) {
            count = checkSame(q, side, count, counter.applyAsLong(q));
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long n = counter.applyAsLong(q);
            ms[i] = (System.nanoTime() - start) / 1e6;
            count = checkSame(q, side, count, n);
        }
        double median = median(ms);
        progress.printf(Locale.ROOT, "%s %s: median %.3f ms over %d runs, %d members%n", q.id(), side, median, runs, count);
        return new Measured(median, count);
    }

    /** A side that answers differently on a rerun of the same query is broken, not slow. */
    private static long checkSame(WorkloadQuery q, String side, long previous, long now) {
        if (previous >= 0 && previous != now) {
            throw new IllegalStateException(side + " counted " + previous + " then " + now + " members for " + q.id()
                    + " on the same data: " + q.definition());
        }
        return now;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
