package dev.strata.cli;

import dev.strata.server.ingest.LinePreparation;
import dev.strata.store.MessageLog;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata import ndjson}: stores NDJSON files of Segment-spec messages in a data directory
 * (or PostgreSQL) while the server is stopped, with the same checks, message log, deduplication
 * and tombstones as {@code /v1/batch}. The server builds its engine from them at its next start.
 */
@Command(name = "ndjson", mixinStandardHelpOptions = true,
        description = "Stores NDJSON (or .gz) files of Segment-spec messages for the server's next start.",
        footer = {"", "Invalid lines are reported as FILE:LINE: reason and skipped; the rest is stored.",
                "Exit status: 0 when every line was stored or was a duplicate, 1 when some were skipped, 2 on bad usage."})
final class ImportNdjsonCommand implements Callable<Integer> {
    private static final int MAX_REPORTED = 100;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "strata-data", paramLabel = "DIR",
            description = "Data directory of the embedded store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", description = "jdbc:postgresql://… instead of the embedded store.")
    String database;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON files, one message per line.")
    List<Path> files;

    private long skipped;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        StoreDestination dest = new StoreDestination(database, dataDir, err, System.currentTimeMillis());
        try (dest) {
            long lines = 0;
            for (Path file : files) {
                try (BufferedReader r = reader(file)) {
                    String line;
                    long lineNo = 0;
                    while ((line = r.readLine()) != null) {
                        lineNo++;
                        if (line.isBlank()) continue;
                        lines++;
                        MessageLog.Pending p = pending(line, file, lineNo, err);
                        if (p != null) dest.append(p);
                        if (lines % 1_000_000 == 0) {
                            double secs = (System.nanoTime() - started) / 1e9;
                            err.printf("read %,d lines in %.1f s (%,.0f lines/s); stored %,d%n", lines, secs, lines / secs, dest.stored());
                            err.flush();
                        }
                    }
                }
            }
            dest.finish();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().printf("stored %,d messages in %.1f s (%,.0f/s); %,d duplicates, %,d refused for erased users, %,d skipped lines%n",
                dest.stored(), secs, dest.stored() / secs, dest.duplicates(), dest.erased(), skipped);
        return skipped > 0 ? 1 : 0;
    }

    /** A line without a time of its own is stamped with the instant it is read. */
    private MessageLog.Pending pending(String line, Path file, long lineNo, PrintWriter err) {
        try {
            return LinePreparation.prepare(line, System.currentTimeMillis());
        } catch (LinePreparation.RefusedLine e) {
            skipped++;
            if (skipped <= MAX_REPORTED) err.println("skipped " + file + ":" + lineNo + ": " + e.getMessage());
            else if (skipped == MAX_REPORTED + 1) err.println("(further skipped lines are counted but not listed)");
            return null;
        }
    }

    private static BufferedReader reader(Path file) throws java.io.IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20);
    }
}
