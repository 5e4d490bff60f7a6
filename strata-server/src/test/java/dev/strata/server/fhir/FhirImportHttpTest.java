package dev.strata.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.IngestMeters;
import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** POST /api/import/fhir over real HTTP: mapped, stored, visible on the profile, idempotent, problems reported. */
class FhirImportHttpTest {
    static final String BUNDLE = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"fullUrl": "urn:uuid:fhir-http-1", "resource": {"resourceType": "Patient", "id": "fhir-http-1", "gender": "male",
                "birthDate": "1950-07-08", "address": [{"city": "Boston", "state": "MA", "postalCode": "02110",
                "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/geolocation",
                  "extension": [{"url": "latitude", "valueDecimal": 42.36}, {"url": "longitude", "valueDecimal": -71.05}]}]}]}},
              {"resource": {"resourceType": "Procedure", "id": "proc-1", "status": "completed",
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "73761001", "display": "Colonoscopy"}]},
                "subject": {"reference": "urn:uuid:fhir-http-1"}, "performedDateTime": "2024-02-03T10:00:00Z"}},
              {"resource": {"resourceType": "MedicationDispense", "id": "md-1", "status": "completed",
                "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "617310",
                  "display": "atorvastatin 20 MG Oral Tablet"}]},
                "subject": {"reference": "Patient/fhir-http-1"}, "daysSupply": {"value": 90, "code": "d"},
                "whenHandedOver": "2026-09-01T12:00:00Z"}},
              {"resource": {"resourceType": "Encounter", "id": "enc-bad", "status": "finished", "period": {"start": "2026-01-01T00:00:00Z"}}}
            ]}
            """;

    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private Response post(Role role, String contentType, String body) {
        return s.send("POST", "/api/import/fhir", TestServer.bearer(s.token(role)), contentType, body);
    }

    @Test
    void aBundleIsMappedStoredAndVisibleOnTheProfile() {
        Response r = post(Role.EDITOR, "application/fhir+json", BUNDLE);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("resources").asInt()).isEqualTo(4);
        assertThat(a.get("stored").asInt()).isEqualTo(3);
        assertThat(a.get("problems").get(0).get("position").asString()).isEqualTo("/entry/3");
        assertThat(a.get("problems").get(0).get("message").asString()).contains("no subject reference");
        assertThat(a.get("types").get("Encounter").get("malformed").asInt()).isEqualTo(1);

        JsonNode profile = s.get("/api/profiles/fhir-http-1").json();
        assertThat(profile.get("traits").get("address").get("latitude").asDouble()).isEqualTo(42.36);
        assertThat(profile.get("eventCounts").get("Screening Completed").asInt()).isEqualTo(1);
        assertThat(profile.get("eventCounts").get("Medication Refill").asInt()).isEqualTo(1);

        Response again = post(Role.ADMIN, "application/json", BUNDLE);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);

        // clinical records are personal data: each import is audited with the caller and what it stored
        JsonNode first = audited("4 resources, 3 messages stored");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("role").asString()).isEqualTo("editor");
        JsonNode second = audited("4 resources, 0 messages stored");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("role").asString()).isEqualTo("admin");
    }

    private static JsonNode audited(String target) {
        return s.api("GET", "/api/audit?action=import.fhir&target=" + TestServer.enc(target), Role.ADMIN).json().get("entries");
    }

    @Test
    void ndjsonBodiesAndUnreadableBodies() {
        String ndjson = "{\"resourceType\":\"Immunization\",\"id\":\"imm-http\",\"status\":\"completed\",\"vaccineCode\":{\"coding\":"
                + "[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"208\"}]},\"patient\":{\"reference\":\"Patient/fhir-http-2\"},"
                + "\"occurrenceDateTime\":\"2025-10-10T10:00:00Z\"}\n{\"resourceType\":\n";
        Response r = post(Role.EDITOR, "application/fhir+ndjson", ndjson);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
        assertThat(r.json().get("problems").get(0).get("position").asString()).startsWith("line 2");

        Response bad = post(Role.EDITOR, "application/json", "{ not json");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("no FHIR resource could be read").contains("line 1");
        // a refused body is audited too: the attempt is what matters
        assertThat(audited("0 resources, 0 messages stored")).hasSize(1);
    }

    @Test
    void messagesForAnErasedPatientAreRejectedByUserAndTheOthersStored() {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "fhir-erased", "gender": "female", "birthDate": "1960-01-02"}},
                  {"resource": {"resourceType": "Patient", "id": "fhir-kept", "gender": "male", "birthDate": "1961-03-04"}}
                ]}
                """;
        assertThat(post(Role.EDITOR, "application/fhir+json", bundle).json().get("stored").asInt()).isEqualTo(2);
        assertThat(s.api("DELETE", "/api/profiles/fhir-erased", Role.ADMIN).status()).isEqualTo(200);

        String updated = bundle.replace("\"gender\": \"female\"", "\"meta\": {\"versionId\": \"2\"}, \"gender\": \"female\"")
                .replace("\"gender\": \"male\"", "\"meta\": {\"versionId\": \"2\"}, \"gender\": \"male\"")
                // a second message for the erased patient: still one line for that user
                .replace("]}", ",{\"resource\": {\"resourceType\": \"Encounter\", \"id\": \"enc-erased\", \"status\": \"finished\","
                        + " \"class\": {\"code\": \"AMB\"}, \"subject\": {\"reference\": \"Patient/fhir-erased\"},"
                        + " \"period\": {\"start\": \"2025-01-01T10:00:00Z\"}}}]}");
        long erasedBefore = IngestMeters.count(s, "erased");
        JsonNode a = post(Role.EDITOR, "application/fhir+json", updated).json();
        assertThat(IngestMeters.count(s, "erased")).isEqualTo(erasedBefore + 2);
        assertThat(a.get("stored").asInt()).isEqualTo(1);
        assertThat(a.get("rejected")).hasSize(1);
        assertThat(a.get("rejected").get(0).asString()).isEqualTo("user 'fhir-erased' was erased; messages for it are refused");
        assertThat(s.api("GET", "/api/profiles/fhir-kept", Role.ADMIN).status()).isEqualTo(200);
    }
}
