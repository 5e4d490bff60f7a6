package dev.strata.cli;

import dev.strata.batch.BatchEvaluation;
import dev.strata.batch.SegmentDefinitions;
import dev.strata.engine.Population;
import dev.strata.personas.GeneratedPopulation;
import dev.strata.synth.PopulationGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata demo}: generate the demo population (once) and print the example segments' sizes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates the synthetic demo population (kept in --data-dir for next time), loads it into the",
                "engine and prints the size of each example healthcare segment (examples/healthcare-segments.tsv)."})
final class DemoCommand implements Callable<Integer> {
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @Spec
    CommandSpec spec;

    @Option(names = "--profiles", defaultValue = "100000", paramLabel = "N", description = "Profiles to generate (default: ${DEFAULT-VALUE}).")
    int profiles;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", defaultValue = "strata-data", paramLabel = "DIR", description = "Where the generated file is kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--segments", paramLabel = "FILE", description = "Segments file to evaluate instead of the bundled examples.")
    Path segments;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SegmentDefinitions defs;
        try {
            defs = segments != null ? SegmentDefinitions.read(segments) : SegmentDefinitions.parse("examples/healthcare-segments.tsv", bundledExamples());
        } catch (SegmentDefinitions.InvalidDefinitionsException e) {
            for (SegmentDefinitions.Problem p : e.problems()) err.println("error: " + p);
            return 1;
        }
        PopulationGenerator.Options options = new PopulationGenerator.Options(profiles, seed, END, 50);
        Path file = dataDir.resolve("demo-" + profiles + "-" + seed + ".ndjson");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            err.printf("generating %,d profiles into %s ...%n", profiles, file);
            err.flush();
            GeneratedPopulation.write(options, file);
            err.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        Population population = GeneratedPopulation.load(options, file, new Progress(err)).population();
        long t0 = System.nanoTime();
        List<BatchEvaluation.Result> results = BatchEvaluation.evaluate(population, defs);
        double evalMs = (System.nanoTime() - t0) / 1e6;
        out.printf("%,d profiles, %,d events, as of %s%n%n", population.size(), population.eventCount(), END);
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        for (BatchEvaluation.Result r : results) {
            out.printf("%-" + width + "s  %,9d  %5.1f%%%n", r.name(), r.size(), 100.0 * r.size() / Math.max(1, population.size()));
        }
        out.printf("%n%d segments evaluated in %.1f ms%n", results.size(), evalMs);
        out.flush();
        return 0;
    }

    static String bundledExamples() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/healthcare-segments.tsv")) {
            if (in == null) throw new IOException("the bundled examples/healthcare-segments.tsv is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
