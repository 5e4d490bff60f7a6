package dev.strata.server.fhir;

import dev.strata.server.audit.AuditService;
import dev.strata.server.ingest.BodyReader;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 import over HTTP: a Bundle (transaction, collection…) or bulk-export NDJSON as the body;
 * mapped as {@code strata import fhir} maps (docs/fhir-import.md). Clinical records are personal
 * data: editors and admins only, and every import is audited.
 */
@RestController
@Tag(name = "import", description = "FHIR R4 import")
@SecurityRequirement(name = "bearer")
public class FhirImportController {
    /** A bundle of a few thousand resources is a few MB; larger exports go through the CLI. */
    static final int BODY_LIMIT = 32 * 1024 * 1024;

    private final FhirImportService service;
    private final AuditService audit;

    public FhirImportController(FhirImportService service, AuditService audit) {
        this.service = service;
        this.audit = audit;
    }

    @Operation(summary = "Import a FHIR R4 Bundle or bulk-export NDJSON (at most 32 MB)")
    @PostMapping(path = "/api/import/fhir",
            consumes = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE, "application/fhir+ndjson", "application/x-ndjson", "application/ndjson"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR})
    public FhirImportAnswer importFhir(HttpServletRequest req, Caller caller) throws IOException {
        byte[] body = BodyReader.read(req, BODY_LIMIT, "/api/import/fhir");
        if (body.length == 0) throw ApiException.badRequest("empty body: send a FHIR Bundle or NDJSON of resources");
        FhirImportAnswer answer;
        try {
            answer = service.importBody(body);
        } catch (RuntimeException e) {
            // Batches stored before the failure stay stored: they are audited too.
            audit.record(caller, "import.fhir", "failed after storing part of " + body.length + " bytes: " + e.getMessage());
            throw e;
        }
        audit.record(caller, "import.fhir", answer.resources() + " resources, " + answer.stored() + " messages stored");
        if (answer.resources() == 0 && !answer.problems().isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("problems", answer.problems());
            throw new ApiException(HttpStatus.BAD_REQUEST, "no FHIR resource could be read", details);
        }
        return answer;
    }
}
