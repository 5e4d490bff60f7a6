package dev.strata.server.fhir;

import dev.strata.fhir.FhirImport;
import dev.strata.fhir.ImportReport;
import dev.strata.fhir.MessageJson;
import dev.strata.server.ingest.Call;
import dev.strata.server.ingest.IngestAnswer;
import dev.strata.server.ingest.IngestService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.strata.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Maps a FHIR body with {@link FhirImport} and stores the messages through the same path as
 * {@code /v1/batch} ({@link IngestService}), in batches under its size limit, so imported and sent
 * messages get the same checks, deduplication, tombstones and live updates.
 */
@Service
public class FhirImportService {
    /** Below the 500 KB batch body limit of /v1/batch, whose rules the batches follow. */
    static final int BATCH_BYTES = 400 * 1024;

    private final IngestService ingest;
    /** Built at the first import: the FHIR model takes seconds to load, which server start should not pay. */
    private volatile FhirImport fhir;

    public FhirImportService(IngestService ingest) {
        this.ingest = ingest;
    }

    public FhirImportAnswer importBody(byte[] body) {
        List<String> lines = new ArrayList<>();
        ImportReport report = fhir().importBytes("body", body, m -> lines.add(MessageJson.line(m)));
        long stored = 0, duplicates = 0;
        List<IngestAnswer.Rejection> rejected = new ArrayList<>();
        StringBuilder batch = new StringBuilder(BATCH_BYTES + 40_000);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (batch.length() > 0 && batch.length() + line.length() + 2 > BATCH_BYTES) {
                IngestAnswer a = send(batch);
                stored += a.stored();
                duplicates += a.duplicates();
                rejected.addAll(a.rejected());
                batch.setLength(0);
            }
            batch.append(batch.length() == 0 ? "{\"batch\":[" : ",").append(line);
        }
        if (batch.length() > 0) {
            IngestAnswer a = send(batch);
            stored += a.stored();
            duplicates += a.duplicates();
            rejected.addAll(a.rejected());
        }
        Map<String, FhirImportAnswer.Counts> types = new LinkedHashMap<>();
        report.types().forEach((t, c) -> types.put(t, new FhirImportAnswer.Counts(c.read(), c.mapped(), c.unmapped(), c.malformed())));
        List<FhirImportAnswer.Problem> problems = report.problems().stream()
                .map(p -> new FhirImportAnswer.Problem(p.position(), p.resourceType(), p.message())).toList();
        return new FhirImportAnswer(report.resources(), report.messages(), stored, duplicates, types, problems,
                FhirImportAnswer.reasons(rejected));
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

    private IngestAnswer send(StringBuilder batch) {
        batch.append("]}");
        try {
            return ingest.ingest(Call.BATCH, batch.toString().getBytes(StandardCharsets.UTF_8));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) throw e;
            // every message of this batch was refused (each over 32 KB, say): the other batches still count
            return new IngestAnswer(false, 0, 0, List.of(new IngestAnswer.Rejection(0, e.getMessage())));
        }
    }
}
