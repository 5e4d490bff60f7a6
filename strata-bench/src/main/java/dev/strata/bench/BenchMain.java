package dev.strata.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata bench}: loads one generated population into Strata and into DuckDB, runs the
 * standard workload Q1–Q8 on both, checks the member counts agree and prints medians and ratios.
 * {@code jmh} as the first argument hands the rest to JMH instead.
 */
@Command(name = "bench", sortOptions = false,
        description = "Compares Strata with DuckDB (in-process, in-memory) on the standard segment workload"
                + " Q1-Q8. Both load the same generated NDJSON population as of 2026-11-01T00:00:00Z; each"
                + " query runs on each side after warm-up runs, the table shows the medians of the timed runs"
                + " and the member counts, which must agree.",
        footer = {
                "",
                "Progress goes to stderr, the report to stdout. Exit status: 0 when every count",
                "agrees, 3 on a MISMATCH, 1 on an error, 2 on bad usage.",
                "",
                "Micro-benchmarks: 'jmh' as the first argument hands the remaining arguments",
                "to JMH ('jmh -h' lists its options), for example:",
                "  java -jar strata-bench.jar jmh SegmentQueriesBenchmark \\",
                "      -p profiles=100000 -p query=Q1,Q2"})
public final class BenchMain implements Callable<Integer> {

    static final int EXIT_MISMATCH = 3;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--profiles", required = true, paramLabel = "N",
            description = "Number of profiles to generate.")
    int profiles;

    @Option(names = "--events-per-profile", paramLabel = "K",
            description = "Mean number of events per profile (default: the generator's default for N).")
    Double eventsPerProfile;

    @Option(names = "--seed", paramLabel = "S",
            description = "Random seed of the generator (default: the generator's default).")
    Long seed;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "bench-data",
            description = "Where generated populations are kept and reused (default: ${DEFAULT-VALUE}); "
                    + "files are named pop-<N>-<K>-<S>.ndjson.")
    Path dataDir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the results as CSV with the header " + ResultTable.CSV_HEADER + ".")
    Path out;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5",
            description = "Timed runs per query and side; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2",
            description = "Untimed runs per query and side before the timed ones (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--duckdb-threads", paramLabel = "T",
            description = "DuckDB worker threads (default: DuckDB's own, one per core).")
    Integer duckdbThreads;

    @Option(names = "--duckdb-memory-limit", paramLabel = "SIZE", defaultValue = "8GB",
            description = "DuckDB's memory_limit (default: ${DEFAULT-VALUE}); keep it plus the Java heap below the machine's memory.")
    String duckdbMemoryLimit;

    @Spec
    CommandSpec spec;

    private final StrataSide strata;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public BenchMain() {
        this(new EngineStrataSide(), System.out, System.err);
    }

    BenchMain(StrataSide strata, PrintStream stdout, PrintStream stderr) {
        this.strata = strata;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("live")) {
            System.exit(new CommandLine(new dev.strata.bench.server.LiveProbe()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("estimate")) {
            System.exit(new CommandLine(new dev.strata.bench.console.EstimateLatency()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("scorecard")) {
            System.exit(new CommandLine(new dev.strata.bench.console.ScorecardLatency()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(new CommandLine(new dev.strata.bench.server.IngestLoad()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(commandLine(new BenchMain()).execute(args));
    }

    /** The command with errors reported as one line each rather than as stack traces. */
    static CommandLine commandLine(BenchMain main) {
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            StringBuilder msg = new StringBuilder("error: ").append(e.getMessage());
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c.getMessage() != null && !msg.toString().contains(c.getMessage())) {
                    msg.append("\n  caused by: ").append(c.getMessage());
                }
            }
            line.getErr().println(msg);
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        requireAtLeast("--profiles", profiles, 1);
        requireAtLeast("--runs", runs, 1);
        requireAtLeast("--warmup", warmup, 0);
        if (duckdbThreads != null) {
            requireAtLeast("--duckdb-threads", duckdbThreads, 1);
        }
        if (eventsPerProfile != null && !(eventsPerProfile > 0)) {
            throw new ParameterException(spec.commandLine(), "--events-per-profile must be above 0, got " + eventsPerProfile);
        }
        Comparison comparison = new Comparison(warmup, runs, stderr);
        Path file = BenchData.ensure(dataDir, profiles, eventsPerProfile, seed, StandardWorkload.AS_OF, stderr);
        return compare(file, comparison);
    }

    /** Everything after the data file exists; separate so that tests can feed their own file. */
    int compare(Path file, Comparison comparison) throws Exception {
        stderr.println("loading " + file + " into Strata ...");
        long heapBefore = ProcessMemory.heapUsedAfterGc();
        long strataLoadMs = strata.loadMillis(file, StandardWorkload.AS_OF);
        long strataHeap = strata.residentBytes();
        OptionalLong rssAfterStrata = ProcessMemory.residentSetBytes();
        long strataProfiles = strata.knownProfiles();

        try (DuckDbSide duck = new DuckDbSide(duckdbThreads, duckdbMemoryLimit)) {
            stderr.println("loading " + file + " into DuckDB ...");
            DuckDbLoad duckLoad = duck.load(file, StandardWorkload.AS_OF);
            long duckMemory = duck.memoryBytes();
            OptionalLong rssAfterBoth = ProcessMemory.residentSetBytes();

            List<QueryResult> results = comparison.run(StandardWorkload.QUERIES,
                    q -> strata.count(q.definition()), q -> duck.count(q.id()));

            stdout.printf(Locale.ROOT, "Strata vs DuckDB %s on %s (%s), as of %s%n", duck.version(),
                    file, ProcessMemory.mib(Files.size(file)), StandardWorkload.AS_OF);
            stdout.printf(Locale.ROOT, "java %s, max heap %s, %d cores; DuckDB threads %s, memory_limit %s%n",
                    System.getProperty("java.version"), ProcessMemory.mib(Runtime.getRuntime().maxMemory()),
                    Runtime.getRuntime().availableProcessors(), duck.setting("threads"), duck.setting("memory_limit"));
            stdout.printf(Locale.ROOT, "load      strata %d ms; duckdb %d ms (read_ndjson %d ms + build %d ms)%n",
                    strataLoadMs, duckLoad.totalMillis(), duckLoad.parseMillis(), duckLoad.buildMillis());
            stdout.printf(Locale.ROOT, "profiles  strata %d; duckdb %d known at T; duckdb %d events%n",
                    strataProfiles, duckLoad.profiles(), duckLoad.events());
            stdout.printf(Locale.ROOT, "memory    strata heap after GC %s (%s before loading), process RSS %s;"
                            + " duckdb_memory() %s, process RSS with both %s%n",
                    ProcessMemory.mib(strataHeap), ProcessMemory.mib(heapBefore), rss(rssAfterStrata),
                    ProcessMemory.mib(duckMemory), rss(rssAfterBoth));
            stdout.printf(Locale.ROOT, "runs      %d warm-up, %d timed per query and side%n%n", warmup, runs);
            ResultTable.print(results, stdout);
            if (out != null) {
                ResultTable.writeCsv(results, out);
                stderr.println("wrote " + out);
            }

            List<String> mismatches = new ArrayList<>();
            if (strataProfiles != duckLoad.profiles()) {
                mismatches.add("known profiles: strata " + strataProfiles + ", duckdb " + duckLoad.profiles());
            }
            for (QueryResult r : results) {
                if (!r.countsAgree()) {
                    mismatches.add(r.id() + ": strata " + r.strataCount() + ", duckdb " + r.duckdbCount());
                }
            }
            for (String m : mismatches) {
                stdout.println("MISMATCH " + m);
                stderr.println("MISMATCH " + m);
            }
            return mismatches.isEmpty() ? 0 : EXIT_MISMATCH;
        }
    }

    private void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", got " + value);
        }
    }

    private static String rss(OptionalLong bytes) {
        return bytes.isPresent() ? ProcessMemory.mib(bytes.getAsLong()) : "n/a";
    }
}
