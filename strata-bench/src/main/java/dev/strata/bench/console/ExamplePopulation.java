package dev.strata.bench.console;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.engine.Population;
import dev.strata.json.Json;
import dev.strata.live.LiveEngine;
import dev.strata.live.SegmentKind;
import dev.strata.model.Message;
import dev.strata.synth.PopulationGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options and set-up the console benchmarks share: a population generated in-process, some of
 * its profiles touched after loading (so the engine holds live profiles as a running server does),
 * and the example segments defined on it.
 */
final class ExamplePopulation {

    @Option(names = "--profiles", defaultValue = "1000000", description = "Profiles to generate (default: ${DEFAULT-VALUE}).")
    int profiles;

    @Option(names = "--events-per-profile", defaultValue = "50", description = "Mean events per profile (default: ${DEFAULT-VALUE}).")
    double eventsPerProfile;

    @Option(names = "--live", defaultValue = "10000", description = "Profiles touched by a message after loading (default: ${DEFAULT-VALUE}).")
    int live;

    @Option(names = "--segments", defaultValue = "examples/healthcare-segments.tsv", description = "Example definitions (default: ${DEFAULT-VALUE}).")
    Path segments;

    /** The loaded engine, its clock's instant, and the example segments (defined as seg-0, seg-1, … in file order). */
    record Loaded(LiveEngine engine, Population population, long end, List<SegmentDefinitions.Named> examples, List<String> ids) {
    }

    Loaded load() throws IOException, SegmentDefinitions.InvalidDefinitionsException {
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(profiles).withEventsPerProfile(eventsPerProfile);
        long end = options.end().toEpochMilli();
        long t0 = System.nanoTime();
        Population population = InProcessPopulation.build(options);
        System.err.printf(Locale.ROOT, "generated and loaded %,d profiles, %,d events in %.1f s%n", population.size(), population.eventCount(),
                (System.nanoTime() - t0) / 1e9);
        LiveEngine engine = new LiveEngine(population, () -> end);
        touch(engine, population, end);
        List<SegmentDefinitions.Named> examples = SegmentDefinitions.read(segments).segments();
        List<String> ids = new ArrayList<>();
        for (SegmentDefinitions.Named s : examples) {
            String id = "seg-" + ids.size();
            engine.define(id, s.name(), s.condition(), SegmentKind.DYNAMIC, null);
            ids.add(id);
        }
        return new Loaded(engine, population, end, examples, ids);
    }

    /** Identify messages for {@code live} profiles spread over the population: they become live profiles. */
    private void touch(LiveEngine engine, Population population, long now) {
        if (live <= 0) return;
        int step = Math.max(1, population.size() / live);
        List<Message> batch = new ArrayList<>();
        int touched = 0;
        for (int u = 0; u < population.size() && touched < live; u += step, touched++) {
            batch.add(Message.identify(population.userId(u), "bench-live-" + u, now - 60_000, new Json.Obj(Map.of("bench_touched", Json.TRUE)), null));
            if (batch.size() == 1000) {
                engine.apply(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) engine.apply(batch);
    }
}
