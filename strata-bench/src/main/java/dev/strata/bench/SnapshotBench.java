package dev.strata.bench;

import dev.strata.engine.Population;
import dev.strata.engine.PopulationSnapshot;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.SegmentParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a restart from a snapshot costs next to a rebuild from messages: loads a generated
 * population from NDJSON, writes its snapshot, reads it back several times, and checks the
 * restored population answers the standard workload with the same counts.
 */
@Command(name = "snapshot-bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Times writing and reading a population snapshot against loading the same population from NDJSON.",
        footer = {"", "Progress goes to stderr, the report to stdout. Exit status 0, 3 when a restored count differs."})
public final class SnapshotBench implements Callable<Integer> {

    @Option(names = "--profiles", required = true, paramLabel = "N", description = "Number of profiles to generate.")
    int profiles;

    @Option(names = "--events-per-profile", paramLabel = "K", description = "Mean events per profile (default: the generator's).")
    Double eventsPerProfile;

    @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: the generator's).")
    Long seed;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "bench-data",
            description = "Where generated populations are kept and reused, and the snapshot written (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--reads", paramLabel = "R", defaultValue = "3", description = "Timed reads of the snapshot; the median is reported (default: ${DEFAULT-VALUE}).")
    int reads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SnapshotBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream progress = System.err;
        Path ndjson = BenchData.ensure(dataDir, profiles, eventsPerProfile, seed, StandardWorkload.AS_OF, progress);
        Path snapshot = dataDir.resolve(ndjson.getFileName().toString().replace(".ndjson", ".snapshot"));

        progress.println("loading " + ndjson + " ...");
        long t0 = System.nanoTime();
        Population original = EngineLoader.load(ndjson, StandardWorkload.AS_OF).population();
        double loadMs = millisSince(t0);
        long[] expected = counts(original);
        long events = original.eventCount();
        int known = original.size();

        progress.println("writing " + snapshot + " ...");
        t0 = System.nanoTime();
        PopulationSnapshot.write(original, events, snapshot);
        double writeMs = millisSince(t0);
        original = null; // only the restored population stays reachable from here on
        long heapBefore = ProcessMemory.heapUsedAfterGc();

        double[] readMs = new double[reads];
        Population restored = null;
        for (int i = 0; i < reads; i++) {
            restored = null;
            ProcessMemory.heapUsedAfterGc();
            t0 = System.nanoTime();
            restored = PopulationSnapshot.read(snapshot).population();
            readMs[i] = millisSince(t0);
            progress.printf(Locale.ROOT, "read %d: %.0f ms%n", i + 1, readMs[i]);
        }
        long heapRestored = ProcessMemory.heapUsedAfterGc() - heapBefore;
        long[] actual = counts(restored);

        out.printf(Locale.ROOT, "population  %s: %,d profiles, %,d events as of %s (NDJSON %s)%n", ndjson, known, events,
                StandardWorkload.AS_OF, ProcessMemory.mib(Files.size(ndjson)));
        out.printf(Locale.ROOT, "java %s, max heap %s, %d cores%n", System.getProperty("java.version"),
                ProcessMemory.mib(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "load NDJSON %.0f ms%n", loadMs);
        out.printf(Locale.ROOT, "snapshot    %s, %s (%.1f bytes/event)%n", snapshot, ProcessMemory.mib(Files.size(snapshot)),
                (double) Files.size(snapshot) / Math.max(1, events));
        out.printf(Locale.ROOT, "write       %.0f ms (including fsync and rename)%n", writeMs);
        out.printf(Locale.ROOT, "read        median %.0f ms of %d: %s ms (file in the page cache)%n", median(readMs), reads,
                Arrays.toString(Arrays.stream(readMs).mapToLong(Math::round).toArray()));
        out.printf(Locale.ROOT, "heap        %s for the restored population after GC%n", ProcessMemory.mib(heapRestored));
        List<String> mismatches = new ArrayList<>();
        for (int q = 0; q < expected.length; q++) {
            if (expected[q] != actual[q]) {
                mismatches.add(StandardWorkload.QUERIES.get(q).id() + " " + expected[q] + " loaded vs " + actual[q] + " restored");
            }
        }
        out.println("workload    Q1-Q8 counts " + (mismatches.isEmpty() ? "equal on loaded and restored: " + Arrays.toString(actual)
                : "MISMATCH: " + String.join(", ", mismatches)));
        return mismatches.isEmpty() ? 0 : BenchMain.EXIT_MISMATCH;
    }

    private static long[] counts(Population p) {
        SegmentEngine engine = new SegmentEngine(p);
        long[] counts = new long[StandardWorkload.QUERIES.size()];
        for (int q = 0; q < counts.length; q++) {
            counts[q] = engine.evaluate(SegmentParser.parse(StandardWorkload.QUERIES.get(q).definition()), Map.of()).getLongCardinality();
        }
        return counts;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
