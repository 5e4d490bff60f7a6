package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.byId;
import static dev.strata.fhir.Fixtures.num;
import static dev.strata.fhir.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheaImportTest {
    static final Path DIR = Fixtures.resource("synthea");
    static final List<String> MUST_ACCOUNT = List.of("Patient", "Encounter", "MedicationRequest", "MedicationDispense", "Immunization", "Procedure");

    static ImportReport report;
    static List<Message> messages = new ArrayList<>();

    @BeforeAll
    static void importFixture() throws IOException {
        report = new FhirImport().importPaths(List.of(DIR), messages::add);
    }

    /** Resource counts per type read straight from the JSON, independently of HAPI. */
    static Map<String, Long> countsInFiles() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path f : FhirImport.expand(List.of(DIR))) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                JsonNode root = json.readTree(in);
                for (JsonNode e : root.path("entry")) counts.merge(e.path("resource").path("resourceType").asString(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void everyResourceIsMappedUnmappedOrReportedAndTheCountsAddUp() throws IOException {
        Map<String, Long> inFiles = countsInFiles();
        assertThat(report.files()).isEqualTo(12);
        assertThat(report.types().keySet()).isEqualTo(inFiles.keySet());
        inFiles.forEach((type, n) -> {
            ImportReport.TypeCounts c = report.types().get(type);
            assertThat(c.read()).as(type).isEqualTo(n);
            assertThat(c.mapped() + c.unmapped() + c.malformed()).as(type).isEqualTo(n);
        });
        for (String type : MUST_ACCOUNT) {
            if (inFiles.containsKey(type)) assertThat(report.count(type, ImportReport.TypeCounts::malformed)).as(type).isZero();
        }
        assertThat(report.count("Patient", ImportReport.TypeCounts::mapped)).isEqualTo(12);
        assertThat(report.count("Encounter", ImportReport.TypeCounts::mapped)).isEqualTo(inFiles.get("Encounter"));
        assertThat(report.count("Immunization", ImportReport.TypeCounts::mapped)).isEqualTo(inFiles.get("Immunization"));
        assertThat(report.count("MedicationRequest", ImportReport.TypeCounts::mapped)).isEqualTo(inFiles.get("MedicationRequest"));
        assertThat(report.count("Claim", ImportReport.TypeCounts::unmapped)).isEqualTo(inFiles.get("Claim"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.messages()).isEqualTo(messages.size());
    }

    @Test
    void reImportGivesTheSameMessagesWithTheSameIds() throws IOException {
        List<Message> again = new ArrayList<>();
        new FhirImport().importPaths(List.of(DIR), again::add);
        assertThat(again).isEqualTo(messages);
        List<Message> parallel = new ArrayList<>();
        ImportReport twoThreads = new FhirImport().importPaths(List.of(DIR), parallel::add, 2);
        assertThat(parallel).as("two threads, same messages in the same order").isEqualTo(messages);
        assertThat(twoThreads.table()).isEqualTo(report.table());
        HashSet<String> ids = new HashSet<>();
        for (Message m : messages) assertThat(ids.add(m.messageId())).as(m.messageId()).isTrue();
    }

    @Test
    void patientTraitsIncludingGeolocation() {
        Message m = byId(messages, "fhir-Patient-1e621f4c-db30-c273-49e9-2dcad508a9cb-0");
        assertThat(m.type()).isEqualTo(MessageType.IDENTIFY);
        assertThat(m.userId()).isEqualTo("1e621f4c-db30-c273-49e9-2dcad508a9cb");
        Json.Obj t = m.traits();
        assertThat(str(t, "birthday")).isEqualTo("2010-03-23");
        assertThat(str(t, "gender")).isEqualTo("male");
        assertThat(str(t, "address", "city")).isEqualTo("Whitman");
        assertThat(str(t, "address", "state")).isEqualTo("MA");
        assertThat(num(t, "address", "latitude")).isEqualTo(42.10957358454285);
        assertThat(num(t, "address", "longitude")).isEqualTo(-70.92325038595365);
        assertThat(str(t, "marital_status")).isEqualTo("single");
        assertThat(str(t, "language")).isEqualTo("en-US");
        assertThat(t.get("deceased")).isEqualTo(Json.FALSE);
        assertThat(Instant.ofEpochMilli(m.timestamp())).isEqualTo(Instant.parse("2010-03-23T00:00:00Z"));
    }

    @Test
    void immunizationVisitAndPrescriptionOfOnePatient() {
        Message flu = byId(messages, "fhir-Immunization-8f160c88-e8ef-0b6b-e35e-0130aa53897f-0");
        assertThat(flu.event()).isEqualTo("Immunization");
        assertThat(flu.userId()).isEqualTo("1e621f4c-db30-c273-49e9-2dcad508a9cb");
        assertThat(str(flu.properties(), "vaccine")).isEqualTo("influenza");
        assertThat(str(flu.properties(), "cvx")).isEqualTo("140");
        assertThat(Instant.ofEpochMilli(flu.timestamp())).isEqualTo(Instant.parse("2022-04-12T09:31:55Z"));

        Message visit = byId(messages, "fhir-Encounter-cd455017-ee94-ed49-072d-5d725a284fa2-0");
        assertThat(visit.event()).isEqualTo("Doctor Visit");
        assertThat(str(visit.properties(), "visit_type")).isEqualTo("wellness");
        assertThat(str(visit.properties(), "specialty")).isEqualTo("pediatrics");
        assertThat(str(visit.properties(), "class")).isEqualTo("ambulatory");
        assertThat(str(visit.properties(), "type")).isEqualTo("410620009");

        // medicationReference resolved to the bundle's Medication resource
        Message rx = byId(messages, "fhir-MedicationRequest-8fb73b46-c230-5a48-b898-6834fcc23d54-0");
        assertThat(rx.event()).isEqualTo("Medication Refill");
        assertThat(str(rx.properties(), "drug")).isNotBlank();
        assertThat(str(rx.properties(), "rxnorm")).isNotBlank();
    }

    @Test
    void classesAndScreeningsFromCodes() {
        Message statin = messages.stream().filter(m -> "Medication Refill".equals(m.event()) && "314231".equals(str(m.properties(), "rxnorm")))
                .findFirst().orElseThrow();
        assertThat(str(statin.properties(), "drug_class")).isEqualTo("statin");
        Message insulin = messages.stream().filter(m -> "Medication Refill".equals(m.event()) && "106892".equals(str(m.properties(), "rxnorm")))
                .findFirst().orElseThrow();
        assertThat(str(insulin.properties(), "drug_class")).isEqualTo("insulin");
        Message losartan = messages.stream().filter(m -> "Medication Refill".equals(m.event()) && "979492".equals(str(m.properties(), "rxnorm")))
                .findFirst().orElseThrow();
        assertThat(str(losartan.properties(), "drug_class")).as("by ingredient keyword").isEqualTo("ras_antagonist");

        List<Message> colonoscopies = messages.stream().filter(m -> "Screening Completed".equals(m.event())
                && "colonoscopy".equals(str(m.properties(), "screening"))).toList();
        assertThat(colonoscopies).hasSize(2).allSatisfy(m -> assertThat(str(m.properties(), "code")).isEqualTo("73761001"));
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.event()).isEqualTo("Screening Completed");
            assertThat(str(m.properties(), "screening")).isEqualTo("a1c");
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.event()).isEqualTo("Survey Answered");
            assertThat(str(m.properties(), "survey")).isEqualTo("phq2");
            assertThat(num(m.properties(), "score")).isNotNull();
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(MessageType.IDENTIFY);
            assertThat(m.traits().get("diabetes")).isEqualTo(Json.TRUE);
        });
    }
}
