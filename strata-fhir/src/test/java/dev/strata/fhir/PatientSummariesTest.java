package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.num;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chronic_conditions as a count over a patient's conditions, and survey answers as traits. */
class PatientSummariesTest {

    private static List<Message> map(List<String> resources) {
        ImportReport report = new ImportReport();
        byte[] text = (String.join("\n", resources) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Message> out = new FhirImport().messagesOf("r.ndjson", text, report);
        assertThat(report.problems()).isEmpty();
        assertThat(report.messages()).isEqualTo(out.size());
        return out;
    }

    private static List<Message> withTrait(List<Message> out, String trait) {
        return out.stream().filter(m -> m.traits() != null && m.traits().fields().containsKey(trait)).toList();
    }

    private static String condition(String id, String system, String code, String onset, String abatement) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"onsetDateTime\":\"" + onset + "\""
                + (abatement == null ? "" : ",\"abatementDateTime\":\"" + abatement + "\"") + "}";
    }

    static final List<String> CONDITIONS = List.of(
            condition("d1", "http://snomed.info/sct", "44054006", "2020-01-01", null),            // diabetes
            condition("d2", "http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "2021-01-01", null),  // diabetes again: counts once
            condition("h1", "http://snomed.info/sct", "59621000", "2022-01-01", null),            // hypertension
            condition("l1", "http://snomed.info/sct", "55822004", "2023-01-01", "2024-01-01"),    // hyperlipidemia: count only, ends
            condition("g1", "http://snomed.info/sct", "66383009", "2023-06-01", null));           // gingivitis: not chronic

    @Test
    void chronicConditionsCountsDistinctActiveConditionsOverTime() {
        List<Message> counts = withTrait(map(CONDITIONS), "chronic_conditions");
        assertThat(counts).extracting(m -> num(m.traits(), "chronic_conditions")).containsExactly(1.0, 2.0, 3.0, 2.0);
        assertThat(counts).extracting(m -> Instant.ofEpochMilli(m.timestamp())).containsExactly(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(withTrait(map(CONDITIONS), "hyperlipidemia")).as("no boolean trait for count-only conditions").isEmpty();
    }

    @Test
    void theCountDoesNotDependOnTheOrderTheConditionsArriveIn() {
        List<String> reversed = new ArrayList<>(CONDITIONS);
        Collections.reverse(reversed);
        assertThat(withTrait(map(reversed), "chronic_conditions")).isEqualTo(withTrait(map(CONDITIONS), "chronic_conditions"));
    }

    private static String response(String id, String questionnaire, String authored, String items) {
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"status\":\"completed\",\"questionnaire\":\"" + questionnaire + "\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"authored\":\"" + authored + "\",\"item\":" + items + "}";
    }

    @Test
    void surveyTraitsKeepTheLatestAnswerPerItem() {
        List<Message> out = map(List.of(
                response("q2", "http://example.org/Questionnaire/phq9|2", "2025-03-01T00:00:00Z",
                        "[{\"linkId\":\"1\",\"answer\":[{\"valueInteger\":1}]}]"),
                response("q1", "http://example.org/Questionnaire/phq9", "2025-01-01T00:00:00Z",
                        "[{\"linkId\":\"1\",\"answer\":[{\"valueInteger\":3}]},{\"linkId\":\"2\",\"answer\":[{\"valueInteger\":2}]}]"),
                response("s1", "smoking", "2025-02-01T00:00:00Z",
                        "[{\"linkId\":\"g\",\"item\":[{\"linkId\":\"1.1\",\"answer\":[{\"valueCoding\":{\"code\":\"never\"}}]}]}]")));
        assertThat(out.stream().filter(m -> "Survey Answered".equals(m.event()))).hasSize(3);
        List<Message> survey = withTrait(out, "survey");
        assertThat(survey).hasSize(3);
        Json.Obj last = survey.get(2).traits();
        assertThat(num(last, "survey", "phq9", "1")).as("the March answer replaced January's").isEqualTo(1.0);
        assertThat(num(last, "survey", "phq9", "2")).as("an item not asked again keeps its answer").isEqualTo(2.0);
        assertThat(Fixtures.str(last, "survey", "smoking", "1.1")).isEqualTo("never");
        assertThat(Instant.ofEpochMilli(survey.get(2).timestamp())).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(num(survey.get(0).traits(), "survey", "phq9", "1")).isEqualTo(3.0);
    }
}
