package dev.strata.server.ingest;

import dev.strata.ingest.csv.CsvFileException;
import dev.strata.ingest.csv.CsvMapping;
import dev.strata.ingest.csv.CsvMappingReader;
import dev.strata.ingest.csv.InvalidMappingException;
import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/import/csv}: the rows of an uploaded CSV file as profiles or events, by a mapping. */
@RestController
@Tag(name = "import")
@SecurityRequirement(name = "bearer")
public class CsvImportController {
    private final CsvImportService imports;
    private final AuditService audit;

    public CsvImportController(CsvImportService imports, AuditService audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @Operation(summary = "Import a CSV file of profiles or events (multipart: a 'mapping' part with the JSON mapping, "
            + "a 'file' part with the CSV; see docs/csv-import.md)")
    @PostMapping(path = "/api/import/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> importCsv(HttpServletRequest req, Caller caller) throws IOException, ServletException {
        Part mappingPart = part(req, "mapping");
        Part filePart = part(req, "file");
        CsvMapping mapping;
        try (InputStream in = mappingPart.getInputStream()) {
            mapping = CsvMappingReader.parse(name(mappingPart, "mapping"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (InvalidMappingException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String name = name(filePart, "upload.csv");
        // recorded before the rows are stored, so that no import goes unaudited
        audit.record(caller, "import.csv", name);
        CsvImportService.Outcome outcome;
        try (InputStream in = BOMInputStream.builder().setInputStream(filePart.getInputStream()).get();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            outcome = imports.importCsv(mapping, reader, name);
        } catch (CsvFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", name);
        out.put("rows", outcome.rows());
        out.put("stored", outcome.stored());
        out.put("duplicates", outcome.duplicates());
        out.put("erased", outcome.erased());
        out.put("skipped", outcome.skipped());
        out.put("batches", outcome.batches());
        out.put("problems", outcome.problems().stream().map(p -> Map.of("line", p.line(), "reason", p.reason(), "text", p.toString())).toList());
        return out;
    }

    private static Part part(HttpServletRequest req, String name) throws IOException, ServletException {
        Part p = req.getPart(name);
        if (p == null) throw ApiException.badRequest("missing multipart part '" + name + "' (expected 'mapping' and 'file')");
        return p;
    }

    /** The uploaded file's name without any directory a client may send along. */
    private static String name(Part p, String fallback) {
        String n = p.getSubmittedFileName();
        if (n == null || n.isBlank()) return fallback;
        n = n.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
