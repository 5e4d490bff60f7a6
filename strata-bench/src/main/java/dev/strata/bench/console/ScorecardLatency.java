package dev.strata.bench.console;

import dev.strata.lang.Condition;
import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import dev.strata.scorecard.ScorecardRules;
import dev.strata.scorecard.ScorecardRulesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * On the example population ({@link ExamplePopulation}), times {@link LiveAnalytics#scorecard}: every rule evaluated once and every
 * segment's figures counted, the work behind {@code GET /api/scorecard}. Also times each rule's
 * condition on its own, to show where the time goes.
 */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "Latency of the segment scorecard (all example segments) on a generated population.")
public final class ScorecardLatency implements Callable<Integer> {

    @Mixin
    ExamplePopulation population;

    @Option(names = "--rules", description = "Scorecard rules as JSON (default: the built-in rules).")
    Path rules;

    @Option(names = "--runs", defaultValue = "20", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        ScorecardRules ruleSet = rules == null ? ScorecardRulesReader.defaults() : ScorecardRulesReader.read(Files.readString(rules), rules.toString());
        ExamplePopulation.Loaded loaded = population.load();
        LiveEngine engine = loaded.engine();
        List<String> ids = loaded.ids();
        LiveAnalytics analytics = new LiveAnalytics(engine);
        System.out.printf(Locale.ROOT, "scorecard of %d segments on %,d profiles (%,d live), %,d events; %d runs after %d warm-up; java %s, %d cores%n",
                ids.size(), engine.profileCount(), engine.liveProfileCount(), loaded.population().eventCount(), runs, warmup,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("load average before: " + EstimateLatency.loadAverage());
        for (int i = 0; i < warmup; i++) analytics.scorecard(ruleSet, ids);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            analytics.scorecard(ruleSet, ids);
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "whole scorecard ms: p50 %.0f, p90 %.0f, max %.0f%n", EstimateLatency.percentile(ms, 0.5),
                EstimateLatency.percentile(ms, 0.9), ms[runs - 1]);
        System.out.println("rule | members | ms p50 of " + Math.max(3, runs / 4) + " runs");
        for (Map.Entry<String, Condition> r : conditions(ruleSet).entrySet()) {
            double[] one = new double[Math.max(3, runs / 4)];
            long members = 0;
            for (int i = 0; i < one.length; i++) {
                long a = System.nanoTime();
                members = analytics.members(r.getValue()).getCardinality();
                one[i] = (System.nanoTime() - a) / 1e6;
            }
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "%s | %,d | %.1f%n", r.getKey(), members, EstimateLatency.percentile(one, 0.5));
        }
        System.out.println("load average after: " + EstimateLatency.loadAverage());
        return 0;
    }

    private static Map<String, Condition> conditions(ScorecardRules rules) {
        Map<String, Condition> out = new LinkedHashMap<>();
        for (ScorecardRules.Channel c : rules.channels()) out.put("reach " + c.name(), c.reachable());
        for (ScorecardRules.Signal s : rules.engagement()) out.put("signal " + s.name(), s.condition());
        for (ScorecardRules.Rate r : rules.rates()) {
            out.put(r.kind().word() + " " + r.name() + " eligible", r.eligible());
            out.put(r.kind().word() + " " + r.name() + " counted", r.counted());
        }
        return out;
    }
}
