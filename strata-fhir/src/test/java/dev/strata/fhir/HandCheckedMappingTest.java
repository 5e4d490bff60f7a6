package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.num;
import static dev.strata.fhir.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mappings Synthea and the official examples do not exercise, checked by hand. */
class HandCheckedMappingTest {
    final FhirImport fhir = new FhirImport();

    private List<Message> map(String resource) {
        ImportReport report = new ImportReport();
        List<Message> out = fhir.messagesOf("r.json", resource.getBytes(StandardCharsets.UTF_8), report);
        assertThat(report.problems()).isEmpty();
        return out;
    }

    private static Instant at(Message m) {
        return Instant.ofEpochMilli(m.timestamp());
    }

    @Test
    void noShowIsBookedThenMissed() {
        List<Message> out = map("{\"resourceType\":\"Appointment\",\"id\":\"a1\",\"status\":\"noshow\",\"created\":\"2026-03-01T08:00:00Z\","
                + "\"start\":\"2026-03-15T09:30:00Z\",\"specialty\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"394579002\"}]}],"
                + "\"participant\":[{\"actor\":{\"reference\":\"Patient/p7\"},\"status\":\"accepted\"}]}");
        assertThat(out).extracting(Message::event).containsExactly("Appointment Booked", "Appointment No Show");
        assertThat(out).extracting(Message::messageId).containsExactly("fhir-Appointment-a1-0-booked", "fhir-Appointment-a1-0-noshow");
        assertThat(num(out.get(0).properties(), "days_ahead")).isEqualTo(14.0);
        assertThat(at(out.get(1))).isEqualTo(Instant.parse("2026-03-15T09:30:00Z"));
        assertThat(str(out.get(1).properties(), "specialty")).isEqualTo("cardiology");
        assertThat(out).allSatisfy(m -> assertThat(m.userId()).isEqualTo("p7"));
    }

    @Test
    void cancelledAtItsLastUpdate() {
        List<Message> out = map("{\"resourceType\":\"Appointment\",\"id\":\"a2\",\"meta\":{\"versionId\":\"2\",\"lastUpdated\":\"2026-03-10T12:00:00Z\"},"
                + "\"status\":\"cancelled\",\"start\":\"2026-03-15T09:30:00Z\","
                + "\"participant\":[{\"actor\":{\"reference\":\"Patient/p7\"},\"status\":\"declined\"}]}");
        assertThat(out).extracting(Message::event).containsExactly("Appointment Booked", "Appointment Cancelled");
        assertThat(at(out.get(1))).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(out.get(1).messageId()).isEqualTo("fhir-Appointment-a2-2-cancelled");
    }

    @Test
    void conditionSetThenClearedAtAbatement() {
        List<Message> out = map("{\"resourceType\":\"Condition\",\"id\":\"c1\",\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F32.9\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p7\"},\"onsetDateTime\":\"2024-01-05\",\"abatementDateTime\":\"2025-02-06\"}");
        assertThat(out).hasSize(4);
        assertThat(out.get(0).traits().get("depression")).isEqualTo(Json.TRUE);
        assertThat(at(out.get(0))).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(out.get(1).traits().get("depression")).isEqualTo(Json.FALSE);
        assertThat(at(out.get(1))).isEqualTo(Instant.parse("2025-02-06T00:00:00Z"));
        // then the patient summary: one chronic condition from onset, none after the abatement
        assertThat(num(out.get(2).traits(), "chronic_conditions")).isEqualTo(1.0);
        assertThat(at(out.get(2))).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(num(out.get(3).traits(), "chronic_conditions")).isEqualTo(0.0);
        assertThat(at(out.get(3))).isEqualTo(Instant.parse("2025-02-06T00:00:00Z"));
    }

    @Test
    void coveragePlanByPayerTypologyOrPayorName() {
        Message ma = map("{\"resourceType\":\"Coverage\",\"id\":\"cv1\",\"status\":\"active\",\"beneficiary\":{\"reference\":\"Patient/p7\"},"
                + "\"type\":{\"coding\":[{\"system\":\"urn:oid:2.16.840.1.113883.3.221.5\",\"code\":\"11\"}]},"
                + "\"payor\":[{\"display\":\"Acme Health\"}],\"period\":{\"start\":\"2026-01-01\"}}").get(0);
        assertThat(str(ma.traits(), "plan")).isEqualTo("medicare_advantage");
        assertThat(str(ma.traits(), "plan_payor")).isEqualTo("Acme Health");
        Message byName = map("{\"resourceType\":\"Coverage\",\"id\":\"cv2\",\"status\":\"active\",\"beneficiary\":{\"reference\":\"Patient/p7\"},"
                + "\"payor\":[{\"display\":\"Humana Medicare Advantage PPO\"}],\"period\":{\"start\":\"2026-01-01\"}}").get(0);
        assertThat(str(byName.traits(), "plan")).as("the longest keyword wins").isEqualTo("medicare_advantage");
    }

    @Test
    void deceasedPatientAndHistoryReferences() {
        Message p = map("{\"resourceType\":\"Patient\",\"id\":\"p8\",\"meta\":{\"lastUpdated\":\"2026-05-05T05:05:05Z\"},\"gender\":\"other\","
                + "\"deceasedDateTime\":\"2026-04-30T22:00:00Z\",\"telecom\":[{\"system\":\"email\",\"value\":\"p8@example.org\"}]}").get(0);
        assertThat(p.traits().get("deceased")).isEqualTo(Json.TRUE);
        assertThat(str(p.traits(), "deceased_date")).isEqualTo("2026-04-30");
        assertThat(str(p.traits(), "email")).isEqualTo("p8@example.org");
        assertThat(at(p)).isEqualTo(Instant.parse("2026-05-05T05:05:05Z"));
        Message visit = map("{\"resourceType\":\"Encounter\",\"id\":\"e9\",\"status\":\"finished\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"EMER\"},"
                + "\"subject\":{\"reference\":\"https://fhir.example.org/r4/Patient/p8/_history/3\"},\"period\":{\"start\":\"2026-04-29T20:00:00Z\"}}").get(0);
        assertThat(visit.userId()).isEqualTo("p8");
        assertThat(str(visit.properties(), "class")).isEqualTo("emergency");
    }
}
