package dev.strata.server.fhir;

import java.util.List;
import java.util.Map;

/**
 * The answer to {@code POST /api/import/fhir}.
 *
 * @param resources  resources read
 * @param messages   messages the mapping produced
 * @param stored     messages stored by this call
 * @param duplicates messages stored before (same resource id and version)
 * @param types      per resource type: read, mapped, unmapped, malformed
 * @param problems   malformed resources with their position (first 1000)
 * @param rejected   messages refused, with the reason: by the ingestion rules (named by messageId) or as
 *                   their user was erased
 */
public record FhirImportAnswer(long resources, long messages, long stored, long duplicates,
        Map<String, Counts> types, List<Problem> problems, List<String> rejected) {

    public record Counts(long read, long mapped, long unmapped, long malformed) {
    }

    public record Problem(String position, String resourceType, String message) {
    }
}
