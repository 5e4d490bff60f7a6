package dev.strata.cli;

import dev.strata.ingest.MessageJsonWriter;
import dev.strata.ingest.csv.CsvFileException;
import dev.strata.ingest.csv.CsvImporter;
import dev.strata.ingest.csv.CsvMapping;
import dev.strata.ingest.csv.CsvMappingReader;
import dev.strata.ingest.csv.CsvProblem;
import dev.strata.ingest.csv.InvalidMappingException;
import dev.strata.model.Message;
import dev.strata.server.ingest.LinePreparation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata import csv}: turns the rows of CSV files into identify or track messages with a
 * mapping file, then stores them as {@code import fhir} stores its messages ({@link StoreDestination}:
 * the {@link LinePreparation} rules, message log, deduplication and tombstones).
 */
@Command(name = "csv", mixinStandardHelpOptions = true,
        description = "Stores the rows of CSV files as profiles or events, by a JSON mapping file, for the server's next start.",
        footer = {"", "The mapping format is described in docs/csv-import.md; examples are in examples/.",
                "Rows that cannot be read are reported as FILE:LINE: reason (the line where the row starts) and skipped.",
                "Re-importing the same rows stores nothing new: their messageIds are the same.",
                "Exit status: 0 when every row was stored or was a duplicate, 1 when rows or files were skipped,",
                "2 on bad usage or a bad mapping file."})
final class ImportCsvCommand implements Callable<Integer> {
    private static final int MAX_REPORTED = 100;
    private static final long PROGRESS_EVERY = 100_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "JSON mapping of columns to the user id, timestamp, event, traits and properties.")
    Path mappingFile;

    @Option(names = "--data-dir", defaultValue = "strata-data", paramLabel = "DIR",
            description = "Data directory of the embedded store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", description = "jdbc:postgresql://… instead of the embedded store.")
    String database;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files (UTF-8) with a header row.")
    List<Path> files;

    private PrintWriter err;
    private long started;
    private long rows;
    private long skipped;
    private int failedFiles;

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        CsvMapping mapping;
        try {
            mapping = CsvMappingReader.read(mappingFile);
        } catch (InvalidMappingException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read the mapping " + mappingFile + ": " + e);
            return 2;
        }
        started = System.nanoTime();
        long now = System.currentTimeMillis();
        CsvImporter importer = new CsvImporter(mapping, now);
        StoreDestination dest = new StoreDestination(database, dataDir, err, now);
        try (dest) {
            for (Path file : files) {
                try {
                    CsvImporter.Summary s = importer.read(file, new Sink(file, dest));
                    rows += s.rows();
                } catch (CsvFileException e) {
                    failedFiles++;
                    err.println("skipped file " + e.getMessage());
                } catch (IOException e) {
                    failedFiles++;
                    err.println("skipped file " + file + ": cannot read it: " + e);
                }
                err.flush();
            }
            dest.finish();
        }
        double secs = seconds();
        spec.commandLine().getOut().printf("read %,d rows from %d file(s); stored %,d messages in %.1f s (%,.0f rows/s); "
                        + "%,d duplicates, %,d refused for erased users, %,d skipped rows%s%n",
                rows, files.size() - failedFiles, dest.stored(), secs, rows / secs, dest.duplicates(), dest.erased(), skipped,
                failedFiles == 0 ? "" : ", " + failedFiles + " skipped file(s)");
        return skipped > 0 || failedFiles > 0 ? 1 : 0;
    }

    private double seconds() {
        return Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    }

    private void report(String problem) {
        skipped++;
        if (skipped <= MAX_REPORTED) err.println("skipped " + problem);
        else if (skipped == MAX_REPORTED + 1) err.println("(further skipped rows are counted but not listed)");
    }

    /** Each message through the one-line ingestion rules, into the store's batches; a refused one named by its row's line. */
    private final class Sink implements CsvImporter.Sink {
        private final Path file;
        private final StoreDestination dest;
        private long seen;

        Sink(Path file, StoreDestination dest) {
            this.file = file;
            this.dest = dest;
        }

        @Override
        public void message(Message message, long line) {
            try {
                dest.append(LinePreparation.prepare(MessageJsonWriter.write(message), dest.now()));
            } catch (LinePreparation.RefusedLine e) {
                report(file + ":" + line + ": " + e.getMessage());
            }
            progress();
        }

        @Override
        public void problem(CsvProblem problem) {
            report(problem.toString());
            progress();
        }

        private void progress() {
            if (++seen % PROGRESS_EVERY == 0) {
                double secs = seconds();
                long total = rows + seen;
                err.printf("%s: read %,d rows; %,d in all in %.1f s (%,.0f rows/s); stored %,d%n", file, seen, total, secs, total / secs, dest.stored());
                err.flush();
            }
        }
    }
}
