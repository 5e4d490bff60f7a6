package dev.strata.cli;

import dev.strata.batch.BatchEvaluation;
import dev.strata.batch.SegmentDefinitions;
import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.NdjsonLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code strata eval}: segment membership over NDJSON files as of an instant. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates segments over NDJSON files of Segment-spec messages as of an instant.",
                "Output: CSV 'segment,user_id' sorted by segment then user id (or 'segment,size' with --count).",
                "Invalid input lines are skipped and reported on stderr as FILE:LINE: reason.",
                "Exit codes: 0 done; 1 invalid segment definitions (nothing written); 2 usage error or, with --strict, invalid input."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "NDJSON file of messages (.gz accepted); repeat for several, read in the order given.")
    List<Path> inputs;

    @Option(names = "--as-of", required = true, paramLabel = "INSTANT", converter = Instants.class,
            description = "Evaluation instant: 2025-01-01 (midnight UTC), 2025-01-01T12:00:00Z, or now. Messages after it are ignored.")
    Instant asOf;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Definitions definitions;

    static final class Definitions {
        @Option(names = "--segments", paramLabel = "FILE",
                description = "Segments file: one 'name<TAB>definition' per line; '#' comments; may refer to earlier lines with in segment \"name\".")
        Path file;

        @Option(names = "--segment", paramLabel = "EXPR", description = "A single definition, named by --name.")
        String expression;
    }

    @Option(names = "--name", defaultValue = "segment", paramLabel = "NAME",
            description = "Name of the --segment definition in the output (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the CSV here instead of stdout.")
    Path output;

    @Option(names = "--count", description = "Write 'segment,size' rows instead of members.")
    boolean count;

    @Option(names = "--strict", description = "Stop at the first invalid input line (exit 2) instead of skipping it.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SegmentDefinitions defs;
        try {
            defs = definitions.file != null ? SegmentDefinitions.read(definitions.file) : SegmentDefinitions.single(name, definitions.expression);
        } catch (SegmentDefinitions.InvalidDefinitionsException e) {
            for (SegmentDefinitions.Problem p : e.problems()) err.println("error: " + p);
            err.println(e.problems().size() + " invalid definition(s); nothing evaluated");
            return 1;
        }
        for (Path in : inputs) {
            if (!Files.isReadable(in)) {
                err.println("error: cannot read input " + in);
                return 2;
            }
        }
        Progress progress = new Progress(err);
        PopulationBuilder builder = new PopulationBuilder(asOf.toEpochMilli());
        NdjsonLoader loader = new NdjsonLoader(progress, strict, Instant.now().toEpochMilli(), 1_000_000);
        NdjsonLoader.Result loaded;
        try {
            loaded = loader.load(inputs, builder::accept);
        } catch (NdjsonLoader.StrictModeException e) {
            err.println("error: " + e.problem() + " (--strict)");
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Population population = builder.build();
        err.printf("loaded %,d profiles and %,d events from %,d lines in %.1f s; skipped %,d invalid lines, ignored %,d page/screen/group/alias calls,"
                        + " dropped %,d duplicate messageIds and %,d messages after %s%n",
                population.size(), population.eventCount(), loaded.lines(), progress.seconds(), loaded.invalid(), loaded.ignored(),
                builder.duplicates(), builder.afterInstant(), asOf);
        List<BatchEvaluation.Result> results = BatchEvaluation.evaluate(population, defs);
        if (output == null) {
            write(results, population, new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        } else {
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                write(results, population, out);
            }
        }
        return 0;
    }

    private void write(List<BatchEvaluation.Result> results, Population population, Writer out) throws IOException {
        if (count) BatchEvaluation.writeCounts(results, out);
        else BatchEvaluation.writeMembers(population, results, out);
    }
}
