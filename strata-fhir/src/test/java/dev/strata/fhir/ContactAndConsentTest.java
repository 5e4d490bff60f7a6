package dev.strata.fhir;

import static dev.strata.fhir.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patient.telecom → email and phone; Consent → the consent object the scorecard's reach rules read. */
class ContactAndConsentTest {
    static final String P = "\"patient\":{\"reference\":\"Patient/p1\"}";

    private static List<Message> map(FhirImport fhir, String... resources) {
        String ndjson = String.join("\n", resources) + "\n";
        ImportReport report = new ImportReport();
        List<Message> out = fhir.messagesOf("r.ndjson", ndjson.getBytes(StandardCharsets.UTF_8), report);
        assertThat(report.problems()).isEmpty();
        return out;
    }

    private static List<Message> map(String... resources) {
        return map(new FhirImport(), resources);
    }

    private static Json.Obj patientTraits(String telecom) {
        return map("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1970-01-01\",\"telecom\":" + telecom + "}").get(0).traits();
    }

    /** The consent objects of the summary identifies, in order. */
    private static List<Json> consents(List<Message> out) {
        return out.stream().filter(m -> m.traits() != null && m.traits().fields().containsKey("consent"))
                .map(m -> m.traits().get("consent")).toList();
    }

    private static String consent(String id, String status, String dateTime, String provision) {
        return "{\"resourceType\":\"Consent\",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"scope\":{\"text\":\"contact\"},"
                + "\"category\":[{\"text\":\"contact preferences\"}]," + P + ",\"dateTime\":\"" + dateTime + "\",\"provision\":" + provision + "}";
    }

    static String action(String system, String code) {
        return "[{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}]";
    }

    @Test
    void mobilePhoneFirstThenRankSkippingEndedAndOldOnes() {
        Json.Obj t = patientTraits("[{\"system\":\"phone\",\"value\":\"555-914-8564\",\"use\":\"home\",\"rank\":1},"
                + "{\"system\":\"phone\",\"value\":\"(555) 010-0000\",\"use\":\"mobile\",\"period\":{\"end\":\"2001-01-01\"}},"
                + "{\"system\":\"phone\",\"value\":\"555 010 0001\",\"use\":\"old\"},"
                + "{\"system\":\"phone\",\"value\":\"+1 555 555 0123\",\"use\":\"mobile\",\"rank\":3},"
                + "{\"system\":\"email\",\"value\":\"second@example.org\",\"rank\":2},"
                + "{\"system\":\"email\",\"value\":\" first@example.org \",\"rank\":1,\"period\":{\"end\":\"2999-01-01\"}}]");
        assertThat(str(t, "phone")).as("the current mobile, although ranked lower").isEqualTo("+15555550123");
        assertThat(str(t, "email")).isEqualTo("first@example.org");
        assertThat(str(t, "preferred_contact")).isEqualTo("phone");
    }

    @Test
    void nationalNumbersBecomeE164() {
        assertThat(str(patientTraits("[{\"system\":\"phone\",\"value\":\"555-914-8564\",\"use\":\"home\"}]"), "phone")).isEqualTo("+15559148564");
        assertThat(ContactPoints.e164("1 (555) 914-8564 x12", 1)).isEqualTo("+15559148564");
        assertThat(ContactPoints.e164("0044 20 7946 0958", 1)).isEqualTo("+442079460958");
        assertThat(ContactPoints.e164("112", 1)).as("not a phone number: kept as written").isEqualTo("112");
        Json.Obj none = patientTraits("[{\"system\":\"email\",\"value\":\"gone@example.org\",\"period\":{\"end\":\"2020-01-01\"}}]");
        assertThat(none.fields()).doesNotContainKeys("email", "phone", "preferred_contact");
    }

    @Test
    void activePermitAndDenyBuildOneConsentObject() {
        List<Message> out = map(
                consent("c1", "active", "2025-01-10T10:00:00Z", "{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "email")
                        + ",\"provision\":[{\"type\":\"deny\",\"action\":" + action("http://hl7.org/fhir/contact-point-system", "sms") + "}]}"),
                consent("c2", "active", "2025-03-01T00:00:00Z", "{\"type\":\"permit\",\"purpose\":[{\"system\":\"https://strata.dev/fhir/CodeSystem/contact-channel\",\"code\":\"push\"}]}"),
                consent("c3", "rejected", "2025-04-01T00:00:00Z", "{\"type\":\"permit\",\"code\":" + action("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "MAILWRIT") + "}"));
        List<Json> c = consents(out);
        assertThat(c).hasSize(3);
        assertThat(c.get(0)).isEqualTo(obj("email", Json.TRUE, "sms", Json.FALSE));
        assertThat(c.get(1)).as("a second consent adds to the first").isEqualTo(obj("email", Json.TRUE, "push", Json.TRUE, "sms", Json.FALSE));
        assertThat(c.get(2)).as("rejected: opted out").isEqualTo(obj("email", Json.TRUE, "mail", Json.FALSE, "push", Json.TRUE, "sms", Json.FALSE));
        Message last = out.get(out.size() - 1);
        assertThat(last.userId()).isEqualTo("p1");
        assertThat(Instant.ofEpochMilli(last.timestamp())).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
    }

    @Test
    void inactiveOrExpiredConsentMakesTheChannelUnknownAgain() {
        List<Message> out = map(
                consent("c1", "active", "2025-01-10T00:00:00Z", "{\"type\":\"permit\",\"period\":{\"start\":\"2025-01-10\",\"end\":\"2025-06-01\"},\"action\":"
                        + action("https://strata.dev/fhir/CodeSystem/contact-channel", "sms") + "}"),
                consent("c2", "active", "2025-02-01T00:00:00Z", "{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "email") + "}"),
                "{\"resourceType\":\"Consent\",\"id\":\"c2\",\"meta\":{\"versionId\":\"2\",\"lastUpdated\":\"2025-09-09T00:00:00Z\"},\"status\":\"inactive\","
                        + "\"scope\":{\"text\":\"contact\"},\"category\":[{\"text\":\"x\"}]," + P + ",\"dateTime\":\"2025-02-01T00:00:00Z\","
                        + "\"provision\":{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "email") + "}}");
        assertThat(consents(out)).containsExactly(obj("sms", Json.TRUE), obj("email", Json.TRUE, "sms", Json.TRUE),
                obj("email", Json.TRUE), Json.NULL);
    }

    @Test
    void anActiveConsentWhosePeriodEndedBeforeItWasRecordedGrantsNothing() {
        List<Message> out = map(consent("c1", "active", "2025-07-01T00:00:00Z", "{\"type\":\"permit\",\"period\":{\"start\":\"2025-01-10\","
                + "\"end\":\"2025-06-01\"},\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "sms") + "}"));
        // Before the fix: {"sms": true} from then on. Now nothing is known, so no consent is written.
        assertThat(consents(out)).isEmpty();
    }

    @Test
    void draftConsentsAndConsentsWithoutAChannelAreUnmapped() {
        ImportReport report = new ImportReport();
        String text = consent("c1", "draft", "2025-01-10T00:00:00Z", "{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "sms") + "}")
                + "\n" + consent("c2", "active", "2025-01-10T00:00:00Z", "{\"type\":\"permit\",\"action\":" + action("http://terminology.hl7.org/CodeSystem/consentaction", "disclose") + "}");
        List<Message> out = new FhirImport().messagesOf("r.ndjson", text.getBytes(StandardCharsets.UTF_8), report);
        assertThat(out).isEmpty();
        assertThat(report.count("Consent", ImportReport.TypeCounts::unmapped)).isEqualTo(2);
    }

    @Test
    void theChannelCodesComeFromTheMappingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapping.txt");
        Files.writeString(file, "consent_channel http://example.org/our-channels NEWSLETTER email\n"
                + "consent_channel channel sms -   # we do not take sms consents from this code\n");
        FhirImport ours = new FhirImport(FhirMapping.withOverrides(file));
        String byCategory = "{\"resourceType\":\"Consent\",\"id\":\"c9\",\"status\":\"active\",\"scope\":{\"text\":\"x\"},"
                + "\"category\":[{\"coding\":[{\"system\":\"http://example.org/our-channels\",\"code\":\"NEWSLETTER\"}]}]," + P
                + ",\"dateTime\":\"2025-05-05T00:00:00Z\",\"provision\":{\"type\":\"deny\"}}";
        assertThat(consents(map(ours, byCategory))).containsExactly(obj("email", Json.FALSE));
        assertThat(consents(map(byCategory))).as("not a channel code by default").isEmpty();
        String sms = consent("c1", "active", "2025-01-10T00:00:00Z", "{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "sms") + "}");
        assertThat(consents(map(ours, sms))).isEmpty();
    }

    @Test
    void reImportGivesTheSameSummaryIds() {
        String text = consent("c1", "active", "2025-01-10T00:00:00Z", "{\"type\":\"permit\",\"action\":" + action("https://strata.dev/fhir/CodeSystem/contact-channel", "sms") + "}");
        List<Message> first = map(text);
        assertThat(first).singleElement().satisfies(m -> assertThat(m.messageId()).startsWith("fhir-Patient-p1-consent-"));
        assertThat(map(text)).isEqualTo(first);
    }

    static Json.Obj obj(Object... kv) {
        Json.Obj.Builder b = new Json.Obj.Builder();
        for (int i = 0; i < kv.length; i += 2) b.put((String) kv[i], (Json) kv[i + 1]);
        return b.build();
    }
}
