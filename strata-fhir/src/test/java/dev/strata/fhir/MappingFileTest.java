package dev.strata.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.ingest.MessageParser;
import dev.strata.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {
    static final String A1C = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"meta\":{\"versionId\":\"3\"},\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4548-4\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2024-03-04T05:06:07Z\",\"valueQuantity\":{\"value\":6.1}}";

    @Test
    void anOverrideFileRenamesEventsAndChangesAndRemovesCodes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapping.txt");
        Files.writeString(file, "# ours\nevent screening  Lab Result Received\nscreening loinc 4548-4 hba1c   # renamed\nscreening sct 73761001 -\n");
        FhirMapping mapping = FhirMapping.withOverrides(file);
        ImportReport report = new ImportReport();
        List<Message> out = new FhirImport(mapping).messagesOf("o.json", A1C.getBytes(StandardCharsets.UTF_8), report);
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.event()).isEqualTo("Lab Result Received");
            assertThat(Fixtures.str(m.properties(), "screening")).isEqualTo("hba1c");
            assertThat(m.messageId()).as("the version is part of the id").isEqualTo("fhir-Observation-o1-3");
        });
        assertThat(mapping.code("screening", "http://snomed.info/sct", "73761001")).isNull();
        assertThat(FhirMapping.defaults().code("screening", "http://snomed.info/sct", "73761001")).isEqualTo("colonoscopy");
    }

    @Test
    void aBadLineNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "event survey Survey Answered\nscreenings loinc 1 x\n");
        assertThatThrownBy(() -> FhirMapping.withOverrides(file)).hasMessageContaining("bad.txt:2: unknown table 'screenings'");
    }

    @Test
    void messagesWrittenAsJsonReadBackEqual() throws Exception {
        List<Message> all = new java.util.ArrayList<>();
        new FhirImport().importPaths(List.of(Fixtures.resource("r4-examples")), all::add);
        assertThat(all).isNotEmpty();
        for (Message m : all) {
            byte[] line = MessageJson.line(m).getBytes(StandardCharsets.UTF_8);
            assertThat(MessageParser.parse(line, 0, line.length, 0L)).isEqualTo(m);
        }
    }
}
