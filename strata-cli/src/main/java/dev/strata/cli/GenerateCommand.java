package dev.strata.cli;

import dev.strata.synth.PopulationGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata generate}: the synthetic healthcare population as NDJSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic healthcare population as NDJSON Segment-spec messages:",
                "demographics, geography, psychographics, device context, conditions and plan, and two years",
                "of behaviour driven by the six healthcare consumer segments. A FILE ending in .gz is compressed."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profiles", required = true, paramLabel = "N", description = "Number of profiles.")
    int profiles;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}); same seed, same bytes.")
    long seed;

    @Option(names = "--events-per-profile", defaultValue = "50", paramLabel = "K",
            description = "Mean track events per profile, heavy-tailed (default: ${DEFAULT-VALUE}).")
    double eventsPerProfile;

    @Option(names = "--end", defaultValue = "2026-11-01", paramLabel = "INSTANT", converter = Instants.class,
            description = "End of the two years of behaviour (default: ${DEFAULT-VALUE}); use it as --as-of.")
    Instant end;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output NDJSON file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (profiles < 1) {
            err.println("error: --profiles must be at least 1, got " + profiles);
            return 2;
        }
        if (!(eventsPerProfile > 0)) {
            err.println("error: --events-per-profile must be positive, got " + eventsPerProfile);
            return 2;
        }
        long started = System.nanoTime();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        PopulationGenerator.Summary summary;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
             OutputStream sink = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file) {
            long step = Math.max(1, profiles / 20);
            summary = PopulationGenerator.write(new PopulationGenerator.Options(profiles, seed, end, eventsPerProfile), sink, done -> {
                if (done % step == 0 || done == profiles) {
                    double secs = (System.nanoTime() - started) / 1e9;
                    err.printf("generated %,d of %,d profiles in %.1f s%n", done, profiles, secs);
                    err.flush();
                }
            });
        }
        double secs = (System.nanoTime() - started) / 1e9;
        err.printf("wrote %,d messages (%,d track events, %,d duplicates) for %,d profiles to %s in %.1f s%n",
                summary.messages(), summary.events(), summary.duplicates(), summary.profiles(), out, secs);
        return 0;
    }
}
