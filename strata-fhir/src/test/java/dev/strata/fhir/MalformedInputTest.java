package dev.strata.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedInputTest {
    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1960-02-03\"}";
    static final String VISIT = "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\","
            + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"period\":{\"start\":\"2024-05-06T10:00:00Z\"}}";
    static final String BAD_DATE = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4548-4\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2020-13-45\"}";
    static final String NO_SUBJECT = "{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"status\":\"completed\","
            + "\"vaccineCode\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"140\"}]},\"occurrenceDateTime\":\"2024-10-01\"}";

    final FhirImport fhir = new FhirImport();

    static String bundle(String... resources) {
        StringBuilder sb = new StringBuilder("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [\n");
        for (int i = 0; i < resources.length; i++) {
            if (i > 0) sb.append(",\n");
            sb.append("    {\"resource\": ").append(resources[i]).append('}');
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    @Test
    void aBadValueInOneEntryIsReportedByJsonPointerAndTheOthersAreMapped() {
        ImportReport report = new ImportReport();
        List<Message> out = new ArrayList<>();
        fhir.importBytes("b.json", bundle(PATIENT, BAD_DATE, VISIT).getBytes(StandardCharsets.UTF_8), report, out::add);
        assertThat(out).extracting(Message::messageId).containsExactly("fhir-Patient-p1-0", "fhir-Encounter-e1-0");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("b.json");
            assertThat(p.position()).isEqualTo("/entry/1/resource");
            assertThat(p.resourceType()).isEqualTo("Observation");
            assertThat(p.message()).contains("2020-13-45");
        });
        assertThat(report.count("Observation", ImportReport.TypeCounts::malformed)).isEqualTo(1);
        assertThat(report.resources()).isEqualTo(3);
    }

    @Test
    void anUnknownResourceTypeAndAMissingSubjectAreReportedWhereTheyAre() {
        ImportReport report = new ImportReport();
        List<Message> out = new ArrayList<>();
        String unknown = "{\"resourceType\":\"Unicorn\",\"id\":\"u1\"}";
        fhir.importBytes("c.json", bundle(NO_SUBJECT, unknown, PATIENT).getBytes(StandardCharsets.UTF_8), report, out::add);
        assertThat(out).extracting(Message::messageId).containsExactly("fhir-Patient-p1-0");
        assertThat(report.problems()).extracting(ImportReport.Problem::toString).containsExactly(
                "c.json /entry/0: Immunization: i1: no patient reference",
                "c.json /entry/1/resource: Unicorn: " + report.problems().get(1).message());
        assertThat(report.problems().get(1).message()).contains("Unicorn");
    }

    @Test
    void ndjsonReportsTheLineAndContinues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Patient.ndjson");
        Files.writeString(file, PATIENT + "\n{\"resourceType\":\"Patient\",\"id\":\"p2\",\n\n" + BAD_DATE + "\n" + VISIT + "\n");
        List<Message> out = new ArrayList<>();
        ImportReport report = fhir.importPaths(List.of(dir), out::add);
        assertThat(out).extracting(Message::messageId).containsExactly("fhir-Patient-p1-0", "fhir-Encounter-e1-0");
        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(0).file()).isEqualTo(file.toString());
        assertThat(report.problems().get(0).position()).startsWith("line 2");
        assertThat(report.problems().get(0).message()).startsWith("malformed JSON");
        assertThat(report.problems().get(1).position()).isEqualTo("line 4");
        assertThat(report.problems().get(1).resourceType()).isEqualTo("Observation");
        assertThat(report.resources()).isEqualTo(4);
    }

    @Test
    void aFileThatIsNotJsonIsReportedAndTheNextFileIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\n  \"resourceType\": \"Bundle\",\n  \"entry\": [ oops ]\n}\n");
        Files.writeString(dir.resolve("b.json"), bundle(PATIENT));
        List<Message> out = new ArrayList<>();
        ImportReport report = fhir.importPaths(List.of(dir), out::add);
        assertThat(out).hasSize(1);
        assertThat(report.unreadableFiles()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("a.json");
            assertThat(p.position()).startsWith("line 3, column ");
        });
    }

    @Test
    void aMedicationReferenceOutsideTheFileStillGivesARefill() {
        String rx = "{\"resourceType\":\"MedicationRequest\",\"id\":\"rx1\",\"status\":\"active\",\"intent\":\"order\","
                + "\"medicationReference\":{\"reference\":\"Medication/m9\",\"display\":\"Atorvastatin 40 MG\"},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"authoredOn\":\"2025-01-02\","
                + "\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":3,\"code\":\"mo\"}}}";
        ImportReport report = new ImportReport();
        List<Message> out = fhir.messagesOf("MedicationRequest.ndjson", (rx + "\n").getBytes(StandardCharsets.UTF_8), report);
        assertThat(report.problems()).isEmpty();
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.event()).isEqualTo("Medication Refill");
            assertThat(Fixtures.str(m.properties(), "drug_class")).isEqualTo("statin");
            assertThat(Fixtures.num(m.properties(), "days_supply")).isEqualTo(90.0);
        });
    }

    @Test
    void membersInAnyOrderReadTheSame() {
        String patientLast = "{\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1960-02-03\",\"resourceType\":\"Patient\"}";
        String claim = "{\"resourceType\":\"Claim\",\"id\":\"c1\",\"item\":[{\"sequence\":1}]}";
        String inOrder = bundle(PATIENT, claim, VISIT);
        String shuffled = "{\"type\":\"collection\",\"entry\":[{\"resource\":" + patientLast + "},{\"resource\":" + claim
                + "},{\"resource\":" + VISIT + "}],\"resourceType\":\"Bundle\"}";
        String resourceLater = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + patientLast + ",\"fullUrl\":\"urn:uuid:p1\"},"
                + "{\"resource\":" + claim + "},{\"request\":{\"method\":\"DELETE\",\"url\":\"Patient/p9\"}},{\"resource\":" + VISIT + "}]}";
        for (String doc : List.of(inOrder, shuffled, resourceLater)) {
            ImportReport report = new ImportReport();
            List<Message> out = fhir.messagesOf("o.json", doc.getBytes(StandardCharsets.UTF_8), report);
            assertThat(out).as(doc).extracting(Message::messageId).containsExactly("fhir-Patient-p1-0", "fhir-Encounter-e1-0");
            assertThat(report.count("Claim", ImportReport.TypeCounts::unmapped)).isEqualTo(1);
            assertThat(report.problems()).isEmpty();
        }
    }
}
