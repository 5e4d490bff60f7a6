package dev.strata.server.fhir;

import dev.strata.fhir.FhirImport;
import dev.strata.fhir.ImportReport;
import dev.strata.fhir.MessageJson;
import dev.strata.model.Message;
import dev.strata.server.ingest.ImportBatches;
import dev.strata.server.ingest.IngestPipeline;
import dev.strata.server.ingest.LinePreparation;
import dev.strata.server.ops.StrataMetrics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Maps a FHIR body with {@link FhirImport} and stores each message as it is mapped through
 * {@link ImportBatches}: the checks of a {@code /v1/batch} message, then the same pipeline, so
 * imported and sent messages get the same deduplication, tombstones and live updates.
 */
@Service
public class FhirImportService {
    private final IngestPipeline pipeline;
    /** At most this many refusals are listed, like the problems. */
    static final int MAX_REJECTED_LISTED = 1000;

    private final StrataMetrics metrics;
    /** Built at the first import: the FHIR model takes seconds to load, which server start should not pay. */
    private volatile FhirImport fhir;

    public FhirImportService(IngestPipeline pipeline, StrataMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    public FhirImportAnswer importBody(byte[] body) {
        // One line per erased user, not per message: a patient's hundreds of resources say the same thing.
        Set<String> rejected = new LinkedHashSet<>();
        ImportBatches batches = new ImportBatches(pipeline, metrics, "messages",
                user -> rejected.add("user '" + user + "' was erased; messages for it are refused"));
        ImportReport report = fhir().importBytes("body", body, m -> add(batches, m, rejected));
        ImportBatches.Totals t = batches.finish();
        Map<String, FhirImportAnswer.Counts> types = new LinkedHashMap<>();
        report.types().forEach((type, c) -> types.put(type, new FhirImportAnswer.Counts(c.read(), c.mapped(), c.unmapped(), c.malformed())));
        List<FhirImportAnswer.Problem> problems = report.problems().stream()
                .map(p -> new FhirImportAnswer.Problem(p.position(), p.resourceType(), p.message())).toList();
        return new FhirImportAnswer(report.resources(), report.messages(), t.stored(), t.duplicates(), types, problems, rejected.stream().limit(MAX_REJECTED_LISTED).toList());
    }

    /** A refused message is named by its messageId, which the mapping derives from the resource's id and version. */
    private static void add(ImportBatches batches, Message m, Set<String> rejected) {
        try {
            batches.add(MessageJson.line(m));
        } catch (LinePreparation.RefusedLine e) {
            rejected.add("message '" + m.messageId() + "': " + e.getMessage());
        }
    }

    private FhirImport fhir() {
        FhirImport f = fhir;
        if (f == null) {
            synchronized (this) {
                if (fhir == null) fhir = new FhirImport();
                f = fhir;
            }
        }
        return f;
    }
}
