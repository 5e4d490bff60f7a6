package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.byId;
import static dev.strata.fhir.Fixtures.num;
import static dev.strata.fhir.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-checked mappings of official R4 examples, for resources Synthea does not write. */
class R4ExamplesTest {
    static ImportReport report;
    static List<Message> messages = new ArrayList<>();

    @BeforeAll
    static void importExamples() throws IOException {
        report = new FhirImport().importPaths(List.of(Fixtures.resource("r4-examples")), messages::add);
    }

    @Test
    void medicationDispenseWithDaysSupply() {
        Message m = byId(messages, "fhir-MedicationDispense-meddisp0307-0");
        assertThat(m.event()).isEqualTo("Medication Refill");
        assertThat(m.userId()).isEqualTo("pat1");
        assertThat(num(m.properties(), "days_supply")).isEqualTo(30.0);
        assertThat(str(m.properties(), "drug_class")).isEqualTo("other");
        assertThat(Instant.ofEpochMilli(m.timestamp())).isEqualTo(Instant.parse("2015-01-15T16:20:00Z"));
        // in progress: not yet dispensed; completed but without a time: reported where it is
        assertThat(messages).noneMatch(x -> x.messageId().contains("meddisp0302"));
        assertThat(report.count("MedicationDispense", ImportReport.TypeCounts::read)).isEqualTo(3);
        assertThat(report.count("MedicationDispense", ImportReport.TypeCounts::unmapped)).isEqualTo(1);
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("MedicationDispense-meddisp008.json");
            assertThat(p.position()).isEqualTo("/");
            assertThat(p.message()).contains("no time");
        });
    }

    @Test
    void appointmentBookedAheadAndProposedIsUnmapped() {
        Message m = byId(messages, "fhir-Appointment-example-0-booked");
        assertThat(m.event()).isEqualTo("Appointment Booked");
        assertThat(m.userId()).isEqualTo("example");
        assertThat(str(m.properties(), "specialty")).isEqualTo("primary_care");
        assertThat(num(m.properties(), "days_ahead")).isEqualTo(61.0);
        assertThat(Instant.ofEpochMilli(m.timestamp())).as("a date-only created is midnight UTC").isEqualTo(Instant.parse("2013-10-10T00:00:00Z"));
        assertThat(report.count("Appointment", ImportReport.TypeCounts::unmapped)).isEqualTo(1);
    }

    @Test
    void coveragePlans() {
        // a coverage with only an end date has no time to set the trait at
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("Coverage-SP1234.json");
            assertThat(p.resourceType()).isEqualTo("Coverage");
            assertThat(p.message()).isEqualTo("SP1234: no time (period.start, meta.lastUpdated)");
        });
        Message ehc = byId(messages, "fhir-Coverage-7546D-0");
        assertThat(ehc.type()).isEqualTo(MessageType.IDENTIFY);
        assertThat(Instant.ofEpochMilli(ehc.timestamp())).isEqualTo(Instant.parse("2011-03-17T00:00:00Z"));
        assertThat(ehc.userId()).isEqualTo("5");
        assertThat(str(ehc.traits(), "plan")).isEqualTo("other");
    }

    @Test
    void questionnaireResponseAnswers() {
        Message gcs = byId(messages, "fhir-QuestionnaireResponse-gcs-0");
        assertThat(gcs.event()).isEqualTo("Survey Answered");
        assertThat(str(gcs.properties(), "survey")).isEqualTo("gcs");
        Json.Obj answers = (Json.Obj) gcs.properties().get("answers");
        assertThat(answers.fields()).containsKeys("1.1", "1.2", "1.3");
        assertThat(Instant.ofEpochMilli(gcs.timestamp())).isEqualTo(Instant.parse("2014-12-11T04:44:16Z"));
        Message f201 = byId(messages, "fhir-QuestionnaireResponse-f201-0");
        assertThat(f201.userId()).isEqualTo("f201");
    }

    @Test
    void immunizationByNameAndNotDoneIsUnmapped() {
        Message m = byId(messages, "fhir-Immunization-example-0");
        assertThat(str(m.properties(), "vaccine")).isEqualTo("influenza");
        assertThat(report.count("Immunization", ImportReport.TypeCounts::unmapped)).isEqualTo(1);
    }

    @Test
    void patientWithoutGeolocationAndDeceasedFlag() {
        Message m = byId(messages, "fhir-Patient-example-0");
        assertThat(str(m.traits(), "birthday")).isEqualTo("1974-12-25");
        assertThat(str(m.traits(), "address", "city")).isEqualTo("PleasantVille");
        assertThat(((Json.Obj) m.traits().get("address")).get("latitude")).isNull();
        assertThat(m.traits().get("deceased")).isEqualTo(Json.FALSE);
    }
}
