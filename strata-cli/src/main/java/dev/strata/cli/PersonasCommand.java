package dev.strata.cli;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.personas.ClassifierEvaluation;
import dev.strata.personas.ConsumerSegments;
import dev.strata.personas.GeneratedPopulation;
import dev.strata.personas.PersonaDiscovery;
import dev.strata.personas.PersonaFeatures;
import dev.strata.personas.PersonaTruth;
import dev.strata.personas.ProfileSource;
import dev.strata.synth.PopulationGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata personas}: the six consumer segments and persona discovery on the synthetic population. */
@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "The six consumer segments template and persona discovery, on the synthetic population.",
        subcommands = {PersonasCommand.Evaluate.class, PersonasCommand.Discover.class})
final class PersonasCommand {

    /** Options shared by both subcommands: which synthetic population. */
    static final class PopulationOptions {
        @Option(names = "--profiles", defaultValue = "100000", paramLabel = "N", description = "Profiles to generate (default: ${DEFAULT-VALUE}).")
        int profiles;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the temporary NDJSON goes (default: the system temporary directory).")
        Path workDir;

        GeneratedPopulation load(PrintWriter err) throws IOException {
            PopulationGenerator.Options options = PopulationGenerator.Options.defaults(profiles).withSeed(seed);
            long t0 = System.nanoTime();
            err.printf("generating and loading %,d profiles (seed %d) ...%n", profiles, seed);
            err.flush();
            GeneratedPopulation g = GeneratedPopulation.generate(options, workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")));
            err.printf("%,d profiles, %,d events loaded in %.1f s%n", g.population().size(), g.population().eventCount(), (System.nanoTime() - t0) / 1e9);
            err.flush();
            return g;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Assigns every generated profile to one of the six consumer segments with the template's rules",
                    "(examples/consumer-segments.tsv) and scores that against the generator's latent segment:",
                    "confusion matrix, precision and recall per segment, accuracy, and shares vs the survey's."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        PopulationOptions population;

        @Option(names = "--segments", paramLabel = "FILE", description = "A template to score instead of the bundled one.")
        Path segments;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SegmentDefinitions template;
            try {
                template = segments != null ? SegmentDefinitions.read(segments) : ConsumerSegments.definitions();
            } catch (SegmentDefinitions.InvalidDefinitionsException e) {
                for (SegmentDefinitions.Problem p : e.problems()) err.println("error: " + p);
                return 1;
            }
            GeneratedPopulation g = population.load(err);
            long t0 = System.nanoTime();
            ClassifierEvaluation ev = ClassifierEvaluation.of(g, template);
            err.printf("evaluated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            out.print(ev.report());
            out.flush();
            return 0;
        }
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = {"Clusters the generated profiles with k-prototypes over numeric and categorical features read through",
                    "the segment language, choosing k by the mean silhouette on a sample, and prints each persona with what",
                    "distinguishes it. See docs/personas.md."})
    static final class Discover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        PopulationOptions population;

        @Option(names = "--k-min", defaultValue = "2", description = "Smallest k tried (default: ${DEFAULT-VALUE}).")
        int kMin;

        @Option(names = "--k-max", defaultValue = "8", description = "Largest k tried (default: ${DEFAULT-VALUE}).")
        int kMax;

        @Option(names = "--cluster-seed", defaultValue = "7", description = "Seed of the sampling and the clustering (default: ${DEFAULT-VALUE}).")
        long clusterSeed;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PersonaDiscovery.Options defaults = PersonaDiscovery.Options.defaults(clusterSeed);
            PersonaDiscovery.Options options;
            try {
                options = new PersonaDiscovery.Options(kMin, kMax, clusterSeed, null, defaults.sample(), defaults.silhouetteSample());
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            GeneratedPopulation g = population.load(err);
            long t0 = System.nanoTime();
            PersonaFeatures.Table table = PersonaFeatures.extract(ProfileSource.of(g.population()), PersonaFeatures.standard());
            long t1 = System.nanoTime();
            PersonaDiscovery.Result r = PersonaDiscovery.discover(table, options);
            err.printf("features in %.1f s, clustering in %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            out.print(PersonaDiscovery.report(r));
            out.printf("%nLatent segments of each persona's members (the generator's truth; discovery never reads it):%n%n");
            out.print(PersonaTruth.crossTab(g, r.personas()));
            out.flush();
            return 0;
        }
    }
}
