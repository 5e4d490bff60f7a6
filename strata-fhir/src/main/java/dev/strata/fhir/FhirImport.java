package dev.strata.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import dev.strata.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR R4 import: reads transaction, collection (or any) bundles and bulk-export NDJSON, from
 * files, directories or a stream, and hands the mapped Segment-spec messages to a sink. A
 * malformed resource is reported with its file and position (NDJSON line, or the bundle entry's
 * JSON pointer) and the rest continues; see docs/fhir-import.md for the mapping.
 *
 * <p>One instance may be used by several threads: the FHIR context is shared, parsers are not.
 */
public final class FhirImport {
    /** Building the R4 model's reflection tables takes a second or two: once per process. */
    private static volatile FhirContext shared;

    private final FhirContext fhir;
    private final FhirMapping mapping;
    private final JsonMapper json = JsonMapper.builder().build();

    public FhirImport(FhirMapping mapping) {
        this.fhir = context();
        this.mapping = mapping;
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
        if (threads <= 1 || files.size() <= 1) {
            for (Path p : files) {
                try (InputStream in = open(p)) {
                    importStream(p.toString(), in, report, sink);
                }
            }
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
            }
        } finally {
            pool.shutdownNow();
        }
        return report;
    }

    /** One file's outcome, read on a worker thread. */
    private record FilePart(ImportReport report, List<Message> messages) {
    }

    private FilePart readFile(Path p) throws IOException {
        ImportReport r = new ImportReport();
        List<Message> out = new ArrayList<>();
        try (InputStream in = open(p)) {
            importStream(p.toString(), in, r, out::add);
        }
        return new FilePart(r, out);
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

    /** Imports one document: a bundle, a single resource, or NDJSON (told apart by content). */
    public void importStream(String source, InputStream in, ImportReport report, Consumer<Message> sink) throws IOException {
        importBytes(source, in.readAllBytes(), report, sink);
    }

    public ImportReport importBytes(String source, byte[] bytes, Consumer<Message> sink) {
        ImportReport report = new ImportReport();
        importBytes(source, bytes, report, sink);
        return report;
    }

    void importBytes(String source, byte[] bytes, ImportReport report, Consumer<Message> sink) {
        report.file();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (isNdjson(text)) ndjson(source, text, report, sink);
        else document(source, text, "", report, sink);
    }

    /** NDJSON when the first non-blank line is a whole object; a pretty-printed document's first line is "{" alone. */
    static boolean isNdjson(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end).trim();
            if (!line.isEmpty()) return line.startsWith("{") && line.endsWith("}") && line.length() > 1;
            start = end + 1;
        }
        return false;
    }

    private void ndjson(String source, String text, ImportReport report, Consumer<Message> sink) {
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            lineNo++;
            String line = text.substring(start, end).trim();
            start = end + 1;
            if (line.isEmpty()) continue;
            document(source, line, "line " + lineNo, report, sink);
        }
    }

    /**
     * One JSON document, read as a tree first: entries are then parsed by HAPI one by one, so a bad
     * one is named by its position, and only when the mapping could use them: a resource of a type
     * without a mapper, or (Observation, Procedure, DiagnosticReport, Condition) whose codes are in
     * none of the tables deciding it, is counted as unmapped without being parsed. Claims,
     * explanations of benefit and most observations are most of a Synthea bundle's bytes.
     */
    private void document(String source, String text, String where, ImportReport report, Consumer<Message> sink) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (where.isEmpty()) {
                report.unreadable(source, at, "malformed JSON: " + e.getOriginalMessage());
            } else {
                // one NDJSON line: one resource lost, the file goes on
                report.malformed(source, where + (at.isEmpty() ? "" : " (" + at.replace("line 1, ", "") + ")"), null, "malformed JSON: " + e.getOriginalMessage());
            }
            return;
        }
        if (!root.isObject()) {
            String what = "not a FHIR resource: a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            if (where.isEmpty()) report.unreadable(source, "", what);
            else report.malformed(source, where, null, what);
            return;
        }
        if ("Bundle".equals(root.path("resourceType").asString(""))) {
            bundle(source, root, where, report, sink);
            return;
        }
        String position = where.isEmpty() ? "/" : where;
        Parsed p = parse(root, report, source, position);
        if (p.resource != null) resource(source, p.resource, position, Map.of(), report, sink);
    }

    /** A resource parsed for mapping, or null when it was counted (unmapped) or reported (malformed). */
    private record Parsed(Resource resource) {
    }

    private Parsed parse(JsonNode node, ImportReport report, String source, String position) {
        String type = node.path("resourceType").asString(null);
        if (type == null || type.isEmpty()) {
            report.malformed(source, position, null, "no \"resourceType\"");
            return new Parsed(null);
        }
        if (!ResourceMapper.MAPPED_TYPES.contains(type) || !codeMapped(type, node)) {
            if (!fhir.getResourceTypes().contains(type)) report.malformed(source, position, type, "unknown resource type '" + type + "'");
            else report.unmapped(type);
            return new Parsed(null);
        }
        try {
            return new Parsed((Resource) parser().parseResource(node.toString()));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            report.malformed(source, position, type, clean(e.getMessage()));
            return new Parsed(null);
        }
    }

    /** For the types mapped by code: whether a coding of {@code code} is in a deciding table. */
    private boolean codeMapped(String type, JsonNode node) {
        List<String> tables = ResourceMapper.CODE_DECIDES.get(type);
        if (tables == null) return true;
        for (JsonNode c : node.path("code").path("coding")) {
            String system = c.path("system").asString(null);
            String code = c.path("code").asString(null);
            for (String t : tables) if (mapping.code(t, system, code) != null) return true;
        }
        return false;
    }

    private void bundle(String source, JsonNode root, String where, ImportReport report, Consumer<Message> sink) {
        JsonNode entries = root.path("entry");
        // first the Medications, which a medicationReference may point at; then the rest in order
        Map<String, Resource> medications = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            JsonNode res = e.path("resource");
            if (!"Medication".equals(res.path("resourceType").asString(""))) continue;
            try {
                Resource r = (Resource) parser().parseResource(res.toString());
                String fullUrl = e.path("fullUrl").asString(null);
                if (fullUrl != null) medications.put(fullUrl, r);
                if (r.getIdElement().hasIdPart()) medications.put("Medication/" + r.getIdElement().getIdPart(), r);
                report.unmapped("Medication");
            } catch (DataFormatException | IllegalArgumentException | ClassCastException ex) {
                report.malformed(source, pointer(where, i) + "/resource", "Medication", clean(ex.getMessage()));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            JsonNode res = e.path("resource");
            if (!res.isObject()) continue; // a DELETE or GET entry of a transaction carries no resource
            if ("Medication".equals(res.path("resourceType").asString(""))) continue;
            Resource r = parse(res, report, source, pointer(where, i) + "/resource").resource;
            if (r == null) continue;
            String fullUrl = e.path("fullUrl").asString(null);
            if (!r.getIdElement().hasIdPart() && fullUrl != null) r.setId(stripUuid(fullUrl));
            resource(source, r, pointer(where, i), medications, report, sink);
        }
    }

    private void resource(String source, Resource r, String position, Map<String, Resource> bundle, ImportReport report, Consumer<Message> sink) {
        String type = r.fhirType();
        if (!r.getIdElement().hasIdPart()) {
            report.malformed(source, position, type, "resource has no id (needed for an idempotent messageId)");
            return;
        }
        List<Message> messages;
        try {
            messages = ResourceMapper.map(r, new MappingContext(mapping, bundle));
        } catch (Unmapped u) {
            report.unmapped(type);
            return;
        } catch (Unusable u) {
            report.malformed(source, position, type, r.getIdElement().getIdPart() + ": " + u.getMessage());
            return;
        } catch (RuntimeException e) {
            report.malformed(source, position, type, r.getIdElement().getIdPart() + ": cannot map: " + e);
            return;
        }
        report.mapped(type, messages.size());
        messages.forEach(sink);
    }

    private IParser parser() {
        // ids stay the resources' own; invalid values (a date that is not one) make the resource malformed
        return fhir.newJsonParser()
                .setOverrideResourceIdWithBundleEntryFullUrl(false)
                .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
    }

    private static String pointer(String where, int entry) {
        return (where.isEmpty() ? "" : where + " ") + "/entry/" + entry;
    }

    private static String stripUuid(String fullUrl) {
        return fullUrl.startsWith("urn:uuid:") ? fullUrl.substring("urn:uuid:".length()) : fullUrl;
    }

    /** HAPI prefixes its messages with an error code ("HAPI-1821: "): keep the words. */
    private static String clean(String message) {
        if (message == null) return "malformed resource";
        return message.replaceFirst("^HAPI-\\d+: ", "");
    }

    /** Convenience for tests and small inputs: the messages of one document. */
    public List<Message> messagesOf(String source, byte[] bytes, ImportReport report) {
        List<Message> out = new ArrayList<>();
        importBytes(source, bytes, report, out::add);
        return out;
    }
}
