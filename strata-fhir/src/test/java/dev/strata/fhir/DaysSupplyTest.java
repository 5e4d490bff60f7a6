package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.num;
import static dev.strata.fhir.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** days_supply on MedicationRequests: stated, from quantity and dosage, or the configured default. */
class DaysSupplyTest {
    static final String DOSAGE = "\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"frequency\":2,\"period\":1,\"periodUnit\":\"d\"}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":1.5}}]}]";

    private static Message request(FhirImport fhir, String extra) {
        String r = "{\"resourceType\":\"MedicationRequest\",\"id\":\"m1\",\"status\":\"active\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":{\"text\":\"metformin 500 MG Oral Tablet\"},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"authoredOn\":\"2025-01-01T00:00:00Z\"" + extra + "}";
        ImportReport report = new ImportReport();
        Message m = fhir.messagesOf("r.json", r.getBytes(StandardCharsets.UTF_8), report).get(0);
        assertThat(report.problems()).isEmpty();
        return m;
    }

    @Test
    void statedDurationWins() {
        Message m = request(new FhirImport(), "," + DOSAGE + ",\"dispenseRequest\":{\"quantity\":{\"value\":270},"
                + "\"expectedSupplyDuration\":{\"value\":3,\"code\":\"mo\"}}");
        assertThat(num(m.properties(), "days_supply")).isEqualTo(90.0);
        assertThat(str(m.properties(), "days_supply_source")).isEqualTo("stated");
    }

    @Test
    void aStatedSupplyInYearsHoursOrWordsIsConvertedToDays() {
        // UCUM "a" was read as 1 day before the stated supply shared the dosage's unit table
        assertThat(num(request(new FhirImport(), ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":1,\"code\":\"a\"}}")
                .properties(), "days_supply")).isEqualTo(365.0);
        assertThat(num(request(new FhirImport(), ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":48,\"unit\":\"hours\"}}")
                .properties(), "days_supply")).isEqualTo(2.0);
        assertThat(num(request(new FhirImport(), ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":2,\"unit\":\"weeks\"}}")
                .properties(), "days_supply")).isEqualTo(14.0);
        assertThat(num(request(new FhirImport(), ",\"dispenseRequest\":{\"expectedSupplyDuration\":{\"value\":28}}")
                .properties(), "days_supply")).isEqualTo(28.0);
    }

    @Test
    void quantityOverDailyDose() {
        // 1.5 tablets twice a day = 3 a day; 135 tablets last 45 days
        Message m = request(new FhirImport(), "," + DOSAGE + ",\"dispenseRequest\":{\"quantity\":{\"value\":135}}");
        assertThat(num(m.properties(), "days_supply")).isEqualTo(45.0);
        assertThat(str(m.properties(), "days_supply_source")).isEqualTo("quantity_and_dosage");
    }

    @Test
    void asNeededDosageOrNoQuantityFallsBackToTheDefault(@TempDir Path dir) throws IOException {
        Message prn = request(new FhirImport(), ",\"dosageInstruction\":[{\"asNeededBoolean\":true,\"timing\":{\"repeat\":{\"frequency\":4,\"period\":1,"
                + "\"periodUnit\":\"d\"}},\"doseAndRate\":[{\"doseQuantity\":{\"value\":1}}]}],\"dispenseRequest\":{\"quantity\":{\"value\":20}}");
        assertThat(num(prn.properties(), "days_supply")).isEqualTo(30.0);
        assertThat(str(prn.properties(), "days_supply_source")).isEqualTo("default");
        Path file = dir.resolve("m.txt");
        Files.writeString(file, "setting default_days_supply 28\n");
        Message bare = request(new FhirImport(FhirMapping.withOverrides(file)), "," + DOSAGE);
        assertThat(num(bare.properties(), "days_supply")).isEqualTo(28.0);
        assertThat(str(bare.properties(), "days_supply_source")).isEqualTo("default");
    }
}
