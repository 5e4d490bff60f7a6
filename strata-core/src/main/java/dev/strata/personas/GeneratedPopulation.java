package dev.strata.personas;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationBuilder;
import dev.strata.ingest.NdjsonLoader;
import dev.strata.synth.LatentSegment;
import dev.strata.synth.PopulationGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A synthetic population loaded into the engine as of the generator's end instant, with each
 * profile's latent consumer segment kept aside as ground truth (never given to a classifier).
 */
public record GeneratedPopulation(PopulationGenerator.Options options, Population population) {

    /** Progress of a load is reported once every this many lines. */
    static final long PROGRESS_EVERY = 5_000_000;

    /**
     * Generates the population into a temporary NDJSON file under {@code workDir} (deleted
     * afterwards: at 50 events a profile it is about 12 kB a profile) and loads it.
     */
    public static GeneratedPopulation generate(PopulationGenerator.Options options, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path file = Files.createTempFile(workDir, "population-", ".ndjson");
        try {
            write(options, file);
            return load(options, file, p -> { });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Writes the population to {@code file}, through a temporary file moved into place, so that a
     * file under that name is always a whole population (one kept for next time, as {@code strata demo} does).
     */
    public static void write(PopulationGenerator.Options options, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            PopulationGenerator.write(options, out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads a population {@link #write} wrote with the same options, as of their end instant. */
    public static GeneratedPopulation load(PopulationGenerator.Options options, Path file, NdjsonLoader.Listener listener) throws IOException {
        long end = options.end().toEpochMilli();
        PopulationBuilder builder = new PopulationBuilder(end);
        new NdjsonLoader(listener, false, end, PROGRESS_EVERY).load(List.of(file), builder::accept);
        return new GeneratedPopulation(options, builder.build());
    }

    /** The latent segment of the profile with dense id {@code user}, from its written id. */
    public LatentSegment truth(int user) {
        return PopulationGenerator.latentSegment(options, profileIndex(population.userId(user)));
    }

    /** {@code p-0000001} and {@code anon-0000001} are profile index 0. */
    static long profileIndex(String userId) {
        int dash = userId.indexOf('-');
        if (dash < 0) throw new IllegalArgumentException("not a generated profile id: \"" + userId + "\"");
        return Long.parseLong(userId.substring(dash + 1)) - 1;
    }
}
