package dev.strata.fhir;

import ca.uhn.fhir.context.FhirContext;
import dev.strata.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * FHIR R4 import: reads transaction, collection (or any) bundles and bulk-export NDJSON, from
 * files, directories or a stream, and hands the mapped Segment-spec messages to a sink. A
 * malformed resource is reported with its file and position (NDJSON line, or the bundle entry's
 * JSON pointer) and the rest continues; see docs/fhir-import.md for the mapping. Reading one
 * document is {@link FhirDocuments}' work; this class finds the files and spreads them over threads.
 *
 * <p>One instance may be used by several threads: the FHIR context is shared, parsers are not.
 */
public final class FhirImport {
    /** Building the R4 model's reflection tables takes a second or two: once per process. */
    private static volatile FhirContext shared;

    private final FhirDocuments documents;

    public FhirImport(FhirMapping mapping) {
        this.documents = new FhirDocuments(context(), mapping);
    }

    public FhirImport() {
        this(FhirMapping.defaults());
    }

    private static FhirContext context() {
        FhirContext c = shared;
        if (c == null) {
            synchronized (FhirImport.class) {
                if (shared == null) shared = FhirContext.forR4();
                c = shared;
            }
        }
        return c;
    }

    /** Imports files and directories (recursively: *.json, *.ndjson, optionally .gz), in name order. */
    public ImportReport importPaths(List<Path> paths, Consumer<Message> sink) throws IOException {
        return importPaths(paths, sink, 1);
    }

    /**
     * The same with files read and mapped on {@code threads} threads. The sink still receives the
     * messages on the calling thread, file by file in name order, so the output does not depend on
     * the number of threads.
     */
    public ImportReport importPaths(List<Path> paths, Consumer<Message> sink, int threads) throws IOException {
        ImportReport report = new ImportReport();
        List<Path> files = expand(paths);
        PatientSummaries summaries = new PatientSummaries();
        if (threads <= 1 || files.size() <= 1) {
            for (Path p : files) {
                try (InputStream in = open(p)) {
                    read(p.toString(), in.readAllBytes(), report, sink, summaries);
                }
            }
            finish(summaries, report, sink);
            return report;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fhir-import");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<FilePart>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < threads * 2) {
                    Path p = files.get(next++);
                    window.add(pool.submit(() -> readFile(p)));
                }
                FilePart part = join(window.poll());
                report.merge(part.report());
                part.messages().forEach(sink);
                summaries.merge(part.summaries());
            }
        } finally {
            pool.shutdownNow();
        }
        finish(summaries, report, sink);
        return report;
    }

    /** One file's outcome, read on a worker thread. */
    private record FilePart(ImportReport report, List<Message> messages, PatientSummaries summaries) {
    }

    private FilePart readFile(Path p) throws IOException {
        ImportReport r = new ImportReport();
        List<Message> out = new ArrayList<>();
        PatientSummaries summaries = new PatientSummaries();
        try (InputStream in = open(p)) {
            read(p.toString(), in.readAllBytes(), r, out::add, summaries);
        }
        return new FilePart(r, out, summaries);
    }

    private static FilePart join(Future<FilePart> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while importing");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c);
        }
    }

    private static InputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return p.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The files an import of {@code paths} reads, in that order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(FhirImport::isFhirFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new java.io.FileNotFoundException(p + ": no such file or directory");
            }
        }
        return files;
    }

    static boolean isFhirFile(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        return n.endsWith(".json") || n.endsWith(".ndjson");
    }

    /**
     * Imports one document: a bundle, a single resource, or NDJSON (told apart by content). The
     * document is one import: its patient summaries are sent after its other messages.
     */
    public void importStream(String source, InputStream in, ImportReport report, Consumer<Message> sink) throws IOException {
        importBytes(source, in.readAllBytes(), report, sink);
    }

    public ImportReport importBytes(String source, byte[] bytes, Consumer<Message> sink) {
        ImportReport report = new ImportReport();
        importBytes(source, bytes, report, sink);
        return report;
    }

    void importBytes(String source, byte[] bytes, ImportReport report, Consumer<Message> sink) {
        PatientSummaries summaries = new PatientSummaries();
        read(source, bytes, report, sink, summaries);
        finish(summaries, report, sink);
    }

    private void read(String source, byte[] bytes, ImportReport report, Consumer<Message> sink, PatientSummaries summaries) {
        report.file();
        documents.read(source, new String(bytes, StandardCharsets.UTF_8), report, sink, summaries);
    }

    /** The per-patient traits that needed the whole import (see {@link PatientSummaries}), after everything else. */
    private static void finish(PatientSummaries summaries, ImportReport report, Consumer<Message> sink) {
        List<Message> messages = summaries.messages();
        report.summaries(messages.size());
        messages.forEach(sink);
    }

    /** Convenience for tests and small inputs: the messages of one document. */
    public List<Message> messagesOf(String source, byte[] bytes, ImportReport report) {
        List<Message> out = new ArrayList<>();
        importBytes(source, bytes, report, out::add);
        return out;
    }
}
