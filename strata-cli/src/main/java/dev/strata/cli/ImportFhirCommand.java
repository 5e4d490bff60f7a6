package dev.strata.cli;

import dev.strata.fhir.FhirImport;
import dev.strata.fhir.FhirMapping;
import dev.strata.fhir.ImportReport;
import dev.strata.fhir.MessageJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata import fhir}: maps FHIR R4 bundles and bulk-export NDJSON to Segment-spec messages
 * (docs/fhir-import.md) and stores them in a data directory or PostgreSQL while the server is
 * stopped, or sends them to a running server's /v1/batch.
 */
@Command(name = "fhir", mixinStandardHelpOptions = true,
        description = "Imports FHIR R4 bundles (transaction, collection…) and bulk-export NDJSON, files or directories.",
        footer = {"", "Malformed resources are reported as FILE POSITION: TYPE: reason (NDJSON line or bundle entry)",
                "and skipped; the rest is imported. Re-importing is idempotent: messageIds come from",
                "resource type, id and version.",
                "Exit status: 0 when every resource was mapped or deliberately left unmapped, 1 when some were",
                "malformed or refused, 2 on bad usage."})
final class ImportFhirCommand implements Callable<Integer> {
    private static final int MAX_REPORTED = 100;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of the embedded store (default: strata-data).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", description = "jdbc:postgresql://… instead of the embedded store.")
    String database;

    @Option(names = "--server", paramLabel = "URL", description = "A running server (http://host:port): messages go to its /v1/batch.")
    String server;

    @Option(names = "--token", paramLabel = "T", description = "With --server: the write key (an ingest or admin token).")
    String token;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file overriding event names and code tables (docs/fhir-import.md).")
    Path mapping;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the messages to an NDJSON file instead of storing them (for strata eval --input).")
    Path outFile;

    @Option(names = "--dry-run", description = "Read and map only; print the counts without storing anything.")
    boolean dryRun;

    @Option(names = "--threads", paramLabel = "N", description = "Files read and mapped in parallel (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Bundles (*.json), NDJSON (*.ndjson), optionally .gz, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (server != null && (dataDir != null || database != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--server cannot be combined with --data-dir or --database");
        }
        if (outFile != null && (server != null || dataDir != null || database != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out writes a file: it cannot be combined with --server, --data-dir or --database");
        }
        if (server != null && token == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--server needs --token (the write key)");
        }
        FhirImport fhir = new FhirImport(mapping == null ? FhirMapping.defaults() : FhirMapping.withOverrides(mapping));
        long started = System.nanoTime();
        ImportReport report;
        MessageDestination dest = dryRun ? null : outFile != null ? new NdjsonFileDestination(outFile)
                : server != null ? new ServerDestination(server, token, err)
                : new StoreDestination(database, dataDir == null ? Path.of("strata-data") : dataDir, err, System.currentTimeMillis());
        try {
            report = fhir.importPaths(paths, m -> {
                if (dest == null) return;
                try {
                    dest.accept(MessageJson.line(m));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, threads);
            if (dest != null) dest.finish();
        } catch (IllegalStateException e) {
            // the server refused a batch or the store failed: what was confirmed is kept, re-running is safe
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            if (dest != null) dest.close();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        for (int i = 0; i < Math.min(MAX_REPORTED, report.problems().size()); i++) err.println("skipped " + report.problems().get(i));
        if (report.problemCount() > MAX_REPORTED) err.println("(" + (report.problemCount() - MAX_REPORTED) + " more problems counted but not listed)");
        out.print(report.table());
        out.printf("read %,d resources from %,d files in %.1f s (%,.0f resources/s); %,d messages%s%n",
                report.resources(), report.files(), secs, report.resources() / secs, report.messages(),
                report.summaryMessages() == 0 ? "" : String.format(" (%,d of them patient summaries)", report.summaryMessages()));
        long refused = 0;
        if (dest != null) {
            if (outFile != null) out.printf("wrote %,d messages to %s%n", dest.stored(), outFile);
            else out.printf("stored %,d messages; %,d duplicates; %,d refused%n", dest.stored(), dest.duplicates(), dest.refused());
            refused = dest.refused();
        }
        out.flush();
        return report.problemCount() > 0 || refused > 0 ? 1 : 0;
    }
}
