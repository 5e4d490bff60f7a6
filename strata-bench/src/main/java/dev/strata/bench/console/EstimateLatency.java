package dev.strata.bench.console;

import dev.strata.analytics.SampleEstimate;
import dev.strata.batch.SegmentDefinitions;
import dev.strata.lang.Condition;
import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata bench estimate}: the console's live size estimate at scale. Generates a population
 * in-process, touches some profiles with messages (so the engine holds live profiles as a running
 * server does), defines the example segments, then times for each example definition the exact
 * preview and {@link LiveAnalytics#estimate} with the server's budget; also a breakdown and one
 * reconstructed past day, the costs behind the segment page and the list's history.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Latency of the console's size estimate (and breakdown, history day) on a generated population.")
public final class EstimateLatency implements Callable<Integer> {
    static final long BUDGET_NANOS = 150_000_000L;
    static final long DAY = 86_400_000L;

    @Mixin
    ExamplePopulation population;

    @Option(names = "--runs", defaultValue = "50", description = "Timed runs per definition (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed runs per definition first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        ExamplePopulation.Loaded loaded = population.load();
        LiveEngine engine = loaded.engine();
        long end = loaded.end();
        List<SegmentDefinitions.Named> examples = loaded.examples();
        LiveAnalytics analytics = new LiveAnalytics(engine);
        System.out.printf(Locale.ROOT, "estimate latency on %,d profiles (%,d live), %,d events; budget %d ms; %d runs after %d warm-up; java %s, %d cores%n",
                engine.profileCount(), engine.liveProfileCount(), loaded.population().eventCount(), BUDGET_NANOS / 1_000_000, runs, warmup,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("definition | exact size | preview ms p50 | first estimate ms p50 / p99 / max | exact answers | a sampled answer: size (low..high) | repeated estimate ms p50 / p99 | breakdown age_band ms | one past day ms");
        System.out.println("load average before: " + loadAverage());
        for (SegmentDefinitions.Named s : examples) measure(s, engine, analytics, end);
        System.out.println("load average after: " + loadAverage());
        for (String run : new String[] {"first", "second", "third"}) {
            long s0 = System.nanoTime();
            analytics.schema();
            System.out.printf(Locale.ROOT, "schema (every field and event), %s run: %.0f ms%n", run, (System.nanoTime() - s0) / 1e6);
        }
        return 0;
    }

    /**
     * Per definition: the exact preview; the first estimate of the definition (remembered costs
     * forgotten, so the probe decides, as when a builder user types something new); the estimate
     * asked again (the cost of the last exact evaluation decides). One {@link LiveAnalytics} for
     * all, as in the server, so the probe's scale is learned across definitions.
     */
    private void measure(SegmentDefinitions.Named s, LiveEngine engine, LiveAnalytics analytics, long end) {
        Condition c = s.condition();
        for (int i = 0; i < warmup; i++) {
            engine.preview(c);
            analytics.forgetExactCosts();
            analytics.estimate(c, BUDGET_NANOS);
        }
        double[] preview = new double[runs];
        double[] first = new double[runs];
        double[] again = new double[runs];
        long exact = 0;
        SampleEstimate sampled = null;
        int exactFirst = 0;
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            exact = engine.preview(c);
            preview[i] = (System.nanoTime() - a) / 1e6;
            analytics.forgetExactCosts();
            long b = System.nanoTime();
            SampleEstimate e = analytics.estimate(c, BUDGET_NANOS);
            first[i] = (System.nanoTime() - b) / 1e6;
            if (e.exact()) exactFirst++;
            else sampled = e;
            long d = System.nanoTime();
            analytics.estimate(c, BUDGET_NANOS);
            again[i] = (System.nanoTime() - d) / 1e6;
        }
        long b0 = System.nanoTime();
        analytics.breakdown(c, "age_band", 20);
        double breakdown = (System.nanoTime() - b0) / 1e6;
        long h0 = System.nanoTime();
        analytics.membersAt(c, end - 10 * DAY - 1);
        double pastDay = (System.nanoTime() - h0) / 1e6;
        Arrays.sort(preview);
        Arrays.sort(first);
        Arrays.sort(again);
        String interval = sampled == null ? "-" : String.format(Locale.ROOT, "%,d (%,d..%,d)", sampled.size(), sampled.low(), sampled.high());
        System.out.printf(Locale.ROOT, "%s | %,d | %.1f | %.1f / %.1f / %.1f | %d/%d | %s | %.1f / %.1f | %.0f | %.0f%n", s.name(), exact,
                percentile(preview, 0.5), percentile(first, 0.5), percentile(first, 0.99), first[runs - 1], exactFirst, runs, interval,
                percentile(again, 0.5), percentile(again, 0.99), breakdown, pastDay);
    }

    /** The machine's 1, 5 and 15-minute load averages, to read the figures by (the machine may be shared). */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

}
