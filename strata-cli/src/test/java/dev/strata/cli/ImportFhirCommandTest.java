package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.RunningServer;
import dev.strata.server.ServerOptions;
import dev.strata.server.StrataServer;
import dev.strata.store.Store;
import dev.strata.store.StoredMessage;
import dev.strata.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFhirCommandTest extends CommandTestBase {
    static final String BUNDLE = """
            {
              "resourceType": "Bundle",
              "type": "transaction",
              "entry": [
                {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1958-04-01"}},
                {"resource": {"resourceType": "Immunization", "id": "i1", "status": "completed",
                  "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140"}]},
                  "patient": {"reference": "urn:uuid:p1"}, "occurrenceDateTime": "2025-10-02T09:00:00Z"}},
                {"resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
                  "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "not-a-date"}},
                {"resource": {"resourceType": "Claim", "id": "c1"}}
              ]
            }
            """;
    static final String NDJSON = "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"period\":{\"start\":\"2025-11-03T10:00:00Z\"}}\n";

    @TempDir
    Path dir;


    private Path input() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("bundle.json"), BUNDLE);
        Files.writeString(in.resolve("Encounter.ndjson"), NDJSON);
        return in;
    }

    @Test
    void storesMappedMessagesReportsTheMalformedEntryAndIsIdempotent() throws Exception {
        Path in = input();
        Path data = dir.resolve("data");
        assertThat(run("import", "fhir", "--data-dir", data.toString(), in.toString())).isEqualTo(1);
        assertThat(err).contains(in.resolve("bundle.json") + " /entry/2/resource: Observation: ");
        assertThat(out).contains("stored 3 messages; 0 duplicates").contains("read 5 resources from 2 files");
        assertThat(out).containsPattern("Claim\\s+1\\s+0\\s+1\\s+0");
        try (Store store = Stores.open(null, data)) {
            List<StoredMessage> p1 = store.messages().messagesOf("p1");
            assertThat(p1).hasSize(3);
            assertThat(p1).extracting(StoredMessage::json).anySatisfy(j -> assertThat(j).contains("\"event\":\"Immunization\"").contains("\"vaccine\":\"influenza\""));
        }
        assertThat(run("import", "fhir", "--data-dir", data.toString(), in.toString())).isEqualTo(1);
        assertThat(out).contains("stored 0 messages; 3 duplicates");
    }

    @Test
    void sendsToARunningServer() throws Exception {
        Path in = input();
        Path data = dir.resolve("served");
        String key = "cli-test-write-key-0123456789abcdef";
        try (RunningServer server = StrataServer.start(ServerOptions.builder().port(0).dataDir(data).writeKey(key)
                .adminToken("cli-test-admin-token-0123456789abcdef").jsonLogs(false).printSecrets(false).build())) {
            String url = "http://127.0.0.1:" + server.port();
            assertThat(run("import", "fhir", "--server", url, "--token", key, in.toString())).isEqualTo(1);
            assertThat(out).contains("stored 3 messages; 0 duplicates");
            assertThat(run("import", "fhir", "--server", url, "--token", key, in.toString())).isEqualTo(1);
            assertThat(out).contains("stored 0 messages; 3 duplicates");
            assertThat(run("import", "fhir", "--server", url, "--token", "wrong-key", in.toString())).isNotZero();
            assertThat(err).contains("401");
        }
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().messagesOf("p1")).hasSize(3);
        }
    }

    @Test
    void badUsageIsExitTwo() throws Exception {
        Path in = input();
        assertThat(run("import", "fhir", "--server", "http://127.0.0.1:1", in.toString())).isEqualTo(2);
        assertThat(err).contains("--server needs --token");
        assertThat(run("import", "fhir", "--server", "http://127.0.0.1:1", "--token", "t", "--data-dir", "x", in.toString())).isEqualTo(2);
    }

    /** The example segments of examples/healthcare-segments.tsv select imported people. */
    @Test
    void exampleSegmentsWorkOnImportedData() throws Exception {
        Path in = dir.resolve("women.json");
        Files.writeString(in, """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "w1", "gender": "female", "birthDate": "1955-03-01"}},
                  {"resource": {"resourceType": "Patient", "id": "w2", "gender": "female", "birthDate": "1956-04-02"}},
                  {"resource": {"resourceType": "Procedure", "id": "mg1", "status": "completed",
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "71651007"}]},
                    "subject": {"reference": "Patient/w1"}, "performedDateTime": "2025-06-01T10:00:00Z"}},
                  {"resource": {"resourceType": "Immunization", "id": "fl1", "status": "completed",
                    "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140"}]},
                    "patient": {"reference": "Patient/w2"}, "occurrenceDateTime": "2026-10-01T09:00:00Z"}}
                ]}
                """);
        Path ndjson = dir.resolve("women.ndjson");
        assertThat(run("import", "fhir", "--out", ndjson.toString(), in.toString())).isZero();
        assertThat(out).contains("wrote 4 messages");
        Path segments = dir.resolve("segments.tsv");
        Files.writeString(segments, "Breast screening gap\tgender = \"female\" and age(birthday) >= 50 and age(birthday) <= 74 and not did \"Screening Completed\" where screening = \"mammography\" within 820d\n"
                + "No flu shot this season\tage(birthday) >= 65 and not did \"Immunization\" where vaccine = \"influenza\" within 300d\n");
        assertThat(run("eval", "--input", ndjson.toString(), "--as-of", "2026-11-01", "--segments", segments.toString())).isZero();
        assertThat(out).contains("Breast screening gap,w2").doesNotContain("Breast screening gap,w1")
                .contains("No flu shot this season,w1").doesNotContain("No flu shot this season,w2");
    }
}
