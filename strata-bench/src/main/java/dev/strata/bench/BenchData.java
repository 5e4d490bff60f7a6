package dev.strata.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * Generated populations on disk, named by what generated them so that a file is reused only for
 * the same profiles, events per profile, seed and end instant.
 */
public final class BenchData {

    private BenchData() {
    }

    /** The population file for these parameters, generating it first when it is not there. */
    public static Path ensure(Path dir, int profiles, Double eventsPerProfile, Long seed, Instant end, PrintStream progress)
            throws IOException {
        SyntheticPopulation.Spec defaults = SyntheticPopulation.defaults(profiles);
        SyntheticPopulation.Spec spec = new SyntheticPopulation.Spec(profiles,
                seed != null ? seed : defaults.seed(),
                end,
                eventsPerProfile != null ? eventsPerProfile : defaults.eventsPerProfile());
        Path file = dir.resolve(fileName(spec.profiles(), spec.eventsPerProfile(), spec.seed(), end));
        if (Files.isRegularFile(file)) {
            progress.println("reusing " + file + " (" + ProcessMemory.mib(Files.size(file)) + ")");
            return file;
        }
        Files.createDirectories(dir);
        // Written beside the target and moved into place, so an interrupted run never leaves a
        // truncated file that a later run would take for a finished one.
        Path partial = dir.resolve(file.getFileName() + ".partial");
        progress.println("generating " + file + " ...");
        long start = System.nanoTime();
        String summary = SyntheticPopulation.write(spec, partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.printf(Locale.ROOT, "generated in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, summary);
        return file;
    }

    /**
     * {@code pop-<profiles>-<eventsPerProfile>-<seed>.ndjson}, with the end instant appended
     * only when it is not the standard T, so the common case keeps the short name.
     */
    static String fileName(int profiles, double eventsPerProfile, long seed, Instant end) {
        String k = eventsPerProfile == Math.rint(eventsPerProfile)
                ? Long.toString((long) eventsPerProfile)
                : Double.toString(eventsPerProfile);
        String suffix = end.equals(StandardWorkload.AS_OF) ? "" : "-" + end.toEpochMilli();
        return "pop-" + profiles + "-" + k + "-" + seed + suffix + ".ndjson";
    }
}
