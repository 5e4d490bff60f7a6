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
import dev.strata.store.MessageLog;
import dev.strata.store.Store;
import dev.strata.store.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata import csv}: turns the rows of CSV files into identify or track messages with a
 * mapping file, then stores them exactly as {@code import ndjson} stores its lines (the same
 * {@link LinePreparation} rules, message log, deduplication and tombstones).
 */
@Command(name = "csv", mixinStandardHelpOptions = true,
        description = "Stores the rows of CSV files as profiles or events, by a JSON mapping file, for the server's next start.",
        footer = {"", "The mapping format is described in docs/csv-import.md; examples are in examples/.",
                "Rows that cannot be read are reported as FILE:LINE: reason (the line where the row starts) and skipped.",
                "Re-importing the same rows stores nothing new: their messageIds are the same.",
                "Exit status: 0 when every row was stored or was a duplicate, 1 when rows or files were skipped,",
                "2 on bad usage or a bad mapping file."})
final class ImportCsvCommand implements Callable<Integer> {
    private static final int BATCH = 10_000;
    private static final int IN_FLIGHT = 4;
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
    private long stored;
    private long duplicates;
    private long erased;
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
        try (Store store = Stores.open(database, dataDir)) {
            Batches batches = new Batches(store.messages());
            for (Path file : files) {
                try {
                    CsvImporter.Summary s = importer.read(file, new Sink(file, now, batches));
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
            batches.finish();
        }
        double secs = seconds();
        spec.commandLine().getOut().printf("read %,d rows from %d file(s); stored %,d messages in %.1f s (%,.0f rows/s); "
                        + "%,d duplicates, %,d refused for erased users, %,d skipped rows%s%n",
                rows, files.size() - failedFiles, stored, secs, rows / secs, duplicates, erased, skipped,
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

    /** Each message through the one-line ingestion rules, into the current batch. */
    private final class Sink implements CsvImporter.Sink {
        private final Path file;
        private final long now;
        private final Batches batches;
        private long seen;

        Sink(Path file, long now, Batches batches) {
            this.file = file;
            this.now = now;
            this.batches = batches;
        }

        @Override
        public void message(Message message, long line) {
            try {
                batches.add(LinePreparation.prepare(MessageJsonWriter.write(message), now));
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
                err.printf("%s: read %,d rows; %,d in all in %.1f s (%,.0f rows/s); stored %,d%n", file, seen, total, secs, total / secs, stored);
                err.flush();
            }
        }
    }

    /** Appends in batches, a few in flight, as {@code import ndjson} does. */
    private final class Batches {
        private final MessageLog log;
        private final Deque<CompletableFuture<List<MessageLog.Appended>>> inFlight = new ArrayDeque<>();
        private List<MessageLog.Pending> batch = new ArrayList<>(BATCH);

        Batches(MessageLog log) {
            this.log = log;
        }

        void add(MessageLog.Pending p) {
            batch.add(p);
            if (batch.size() == BATCH) submit();
        }

        private void submit() {
            if (inFlight.size() >= IN_FLIGHT) count(inFlight.poll().join());
            inFlight.add(log.append(batch));
            batch = new ArrayList<>(BATCH);
        }

        void finish() {
            if (!batch.isEmpty()) submit();
            while (!inFlight.isEmpty()) count(inFlight.poll().join());
        }

        private void count(List<MessageLog.Appended> answers) {
            for (MessageLog.Appended a : answers) {
                if (a.outcome() == MessageLog.Outcome.STORED) stored++;
                else if (a.outcome() == MessageLog.Outcome.DUPLICATE) duplicates++;
                else erased++;
            }
        }
    }
}
