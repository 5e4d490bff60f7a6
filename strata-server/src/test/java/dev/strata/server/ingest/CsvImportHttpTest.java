package dev.strata.server.ingest;

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

/** {@code POST /api/import/csv} over real HTTP: stored, applied to the live engine, idempotent, errors named. */
class CsvImportHttpTest {
    static final String BOUNDARY = "strata-csv-boundary";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** A multipart body with a mapping part and a file part. */
    public static String multipart(String mapping, String fileName, String csv) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"mapping\"; filename=\"mapping.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + mapping + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n"
                + "--" + BOUNDARY + "--\r\n";
    }

    private static Response post(Role role, String body) {
        return s.send("POST", "/api/import/csv", TestServer.bearer(s.token(role)), MULTIPART, body);
    }

    static final String PROFILES = """
            {"type": "identify", "userId": "member", "timestamp": {"column": "updated", "format": "yyyy-MM-dd"},
             "traits": {"plan": "plan", "address.state": "state", "diabetes": {"column": "diabetic", "type": "boolean"}}}
            """;

    @Test
    void storesRowsAppliesThemLiveReportsBadRowsAndIsIdempotent() {
        String csv = "\uFEFFmember,updated,plan,state,diabetic\r\n"
                + "csv-u1,2026-01-05,medicare,\"C\r\nA\",yes\r\n"
                + "csv-u2,2026-01-05,commercial,TX,maybe\r\n"
                + "csv-u3,2026-01-05,medicaid,NY,no\r\n";
        long storedBefore = IngestMeters.count(s, "stored");
        long invalidBefore = IngestMeters.count(s, "invalid");
        Response r = post(Role.EDITOR, multipart(PROFILES, "members.csv", csv));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // imported messages are counted as sent ones are; a row the mapping cannot read is no message
        assertThat(IngestMeters.count(s, "stored")).isEqualTo(storedBefore + 2);
        assertThat(IngestMeters.count(s, "invalid")).isEqualTo(invalidBefore);
        JsonNode j = r.json();
        assertThat(j.get("file").asString()).isEqualTo("members.csv");
        assertThat(j.get("rows").asLong()).isEqualTo(3);
        assertThat(j.get("stored").asLong()).isEqualTo(2);
        assertThat(j.get("skipped").asLong()).isEqualTo(1);
        assertThat(j.get("batches").asInt()).isEqualTo(1);
        assertThat(j.get("problems").get(0).get("text").asString())
                .isEqualTo("members.csv:4: column 'diabetic' (traits.diabetes, boolean): 'maybe' is not a boolean (true/false, yes/no, 1/0)");

        JsonNode profile = s.api("GET", "/api/profiles/csv-u1", Role.ADMIN).json();
        assertThat(profile.get("traits").get("plan").asString()).isEqualTo("medicare");
        assertThat(profile.get("traits").get("address").get("state").asString()).isEqualTo("C\r\nA");
        assertThat(profile.get("traits").get("diabetes").asBoolean()).isTrue();

        JsonNode audited = s.api("GET", "/api/audit?action=import.csv&target=members.csv", Role.ADMIN).json().get("entries");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("role").asString()).isEqualTo("editor");

        Response again = post(Role.ADMIN, multipart(PROFILES, "members.csv", csv));
        assertThat(again.json().get("stored").asLong()).isZero();
        assertThat(again.json().get("duplicates").asLong()).isEqualTo(2);
    }

    @Test
    void aLargeUploadIsImportedInBatches() {
        String mapping = """
                {"type": "track", "userId": "u", "timestamp": {"column": "t", "format": "epoch_seconds"},
                 "event": {"name": "Medication Refill"}, "messageId": {"column": "id"},
                 "properties": {"days_supply": {"column": "days", "type": "number"}, "drug_class": "class"}}
                """;
        StringBuilder csv = new StringBuilder("id,u,t,days,class\n");
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            csv.append("big-").append(i).append(",big-u").append(i % 500).append(',').append(1_767_225_600L + i * 60L)
                    .append(",30,\"statin, generic \"\"brand\"\"\"\n");
        }
        assertThat(csv.length()).isGreaterThan(1 << 20);
        Response r = post(Role.EDITOR, multipart(mapping, "refills.csv", csv.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("stored").asLong()).isEqualTo(rows);
        // stored in batches of ImportBatches.DEFAULT_BATCH rows, not row by row nor all at once
        assertThat(ImportBatches.DEFAULT_BATCH).isLessThan(rows);
        assertThat(r.json().get("batches").asInt()).isEqualTo((rows + ImportBatches.DEFAULT_BATCH - 1) / ImportBatches.DEFAULT_BATCH);
        JsonNode profile = s.api("GET", "/api/profiles/big-u7", Role.ADMIN).json();
        assertThat(profile.get("eventCounts").get("Medication Refill").asLong()).isEqualTo(rows / 500);
    }

    @Test
    void aBadMappingOrAMissingColumnIsA400NamingIt() {
        Response badMapping = post(Role.EDITOR, multipart("{\"type\": \"identify\", \"userId\": \"member\", \"traits\": {\"a..b\": \"plan\"}}", "m.csv", "member,plan\nx,y\n"));
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(badMapping.json().get("error").asString()).isEqualTo("mapping mapping.json: field 'traits.a..b': a path needs names between its dots");

        Response missing = post(Role.EDITOR, multipart(PROFILES, "m.csv", "member,updated,plan,state\nx,2026-01-01,y,CA\n"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asString()).startsWith("m.csv:1: no column 'diabetic' (named by mapping field 'traits.diabetes')");

        Response noFile = s.send("POST", "/api/import/csv", TestServer.bearer(s.token(Role.EDITOR)), MULTIPART,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + PROFILES + "\r\n--" + BOUNDARY + "--\r\n");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("error").asString()).contains("missing multipart part 'file'");

        assertThat(post(Role.ANALYST, multipart(PROFILES, "m.csv", "member\n")).status()).isEqualTo(403);
    }
}
