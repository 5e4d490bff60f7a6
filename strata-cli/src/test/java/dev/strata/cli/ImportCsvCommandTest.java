package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.MessageParser;
import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.store.Store;
import dev.strata.store.StoredMessage;
import dev.strata.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCsvCommandTest extends CommandTestBase {
    @TempDir
    Path dir;


    private static Message parsed(StoredMessage s) throws Exception {
        return MessageParser.parse(s.json(), 0L);
    }

    @Test
    void storesProfilesAndEventsReportsBadRowsAndReimportsNothingNew() throws Exception {
        Path profileMapping = dir.resolve("profiles.json");
        Files.writeString(profileMapping, """
                {"type": "identify", "userId": "member_id",
                 "timestamp": {"column": "updated", "format": "yyyy-MM-dd"},
                 "traits": {"gender": "sex", "address.state": "state",
                            "birthday": {"column": "dob", "type": "date", "format": "MM/dd/yyyy"},
                            "diabetes": {"column": "diabetic", "type": "boolean"}}}
                """);
        Path profiles = dir.resolve("profiles.csv");
        Files.writeString(profiles, "\uFEFFmember_id,updated,sex,state,dob,diabetic\n"
                + "u1,2026-01-02,female,CA,07/04/1960,yes\n"
                + "u2,2026-01-02,male,\"N\nY\",13/01/1970,no\n"
                + "u3,2026-01-02,male,TX,01/13/1970,perhaps\n");
        Path eventMapping = dir.resolve("refills.json");
        Files.writeString(eventMapping, """
                {"type": "track", "userId": "member_id", "timestamp": "filled_at",
                 "event": {"name": "Medication Refill"}, "messageId": {"key": ["member_id", "rx", "filled_at"]},
                 "properties": {"drug_class": "class", "days_supply": {"column": "days", "type": "number"}}}
                """);
        Path refills = dir.resolve("refills.csv");
        Files.writeString(refills, "member_id,rx,filled_at,class,days\n"
                + "u1,rx1,2026-02-01T09:00:00Z,statin,30\n"
                + "u1,rx1,2026-03-01T09:00:00Z,statin,30\n"
                + "u1,rx1,2026-03-01T09:00:00Z,statin,30\n"
                + "u2,rx2,2026-02-01T09:00:00Z,ace_inhibitor,ninety\n"
                + "u2,\"rx\u0001\",2026-02-01T09:00:00Z,ace_inhibitor,90\n");
        Path data = dir.resolve("data");

        assertThat(run("import", "csv", "--mapping", profileMapping.toString(), "--data-dir", data.toString(), profiles.toString())).isEqualTo(1);
        assertThat(out).contains("read 3 rows from 1 file(s); stored 1 messages").contains("0 duplicates").contains("2 skipped rows");
        assertThat(err).contains("skipped " + profiles + ":3: column 'dob' (traits.birthday, date): '13/01/1970' is not a date in the format 'MM/dd/yyyy'")
                .contains("skipped " + profiles + ":5: column 'diabetic' (traits.diabetes, boolean): 'perhaps' is not a boolean");

        assertThat(run("import", "csv", "--mapping", eventMapping.toString(), "--data-dir", data.toString(), refills.toString())).isEqualTo(1);
        assertThat(out).contains("read 5 rows from 1 file(s); stored 3 messages").contains("1 duplicates").contains("1 skipped rows");
        assertThat(err).contains("skipped " + refills + ":5: column 'days' (properties.days_supply, number): 'ninety' is not a number");

        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(4);
            List<StoredMessage> u1 = store.messages().messagesOf("u1");
            assertThat(u1).extracting(StoredMessage::type).containsExactly("identify", "track", "track");
            Message profile = parsed(u1.get(0));
            assertThat(profile.timestamp()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z").toEpochMilli());
            assertThat(profile.traits().fields()).containsEntry("gender", new Json.Str("female"))
                    .containsEntry("birthday", new Json.Str("1960-07-04"))
                    .containsEntry("diabetes", Json.TRUE)
                    .containsEntry("address", new Json.Obj(Map.of("state", new Json.Str("CA"))));
            Message refill = parsed(u1.get(2));
            assertThat(refill.event()).isEqualTo("Medication Refill");
            assertThat(refill.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());
            assertThat(refill.properties().fields()).containsEntry("days_supply", new Json.Num(30)).containsEntry("drug_class", new Json.Str("statin"));
            assertThat(refill.messageId()).startsWith("csv-");
            // the control character in the key reaches the messageId only through the hash: stored
            assertThat(store.messages().messagesOf("u2")).hasSize(1);
        }

        assertThat(run("import", "csv", "--mapping", eventMapping.toString(), "--data-dir", data.toString(), refills.toString())).isEqualTo(1);
        assertThat(out).contains("stored 0 messages").contains("4 duplicates");
        assertThat(run("import", "csv", "--mapping", profileMapping.toString(), "--data-dir", data.toString(), profiles.toString())).isEqualTo(1);
        assertThat(out).contains("stored 0 messages").contains("1 duplicates");
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(4);
        }
    }

    @Test
    void rowsOfAnErasedUserAreCountedAsErasedNotAsSkippedRows() throws Exception {
        Path mapping = dir.resolve("visits.json");
        Files.writeString(mapping, "{\"type\": \"track\", \"userId\": \"u\", \"timestamp\": \"t\", \"event\": {\"name\": \"Doctor Visit\"}}");
        Path data = dir.resolve("data");
        Path first = dir.resolve("first.csv");
        Files.writeString(first, "u,t\ngone,2026-01-01T00:00:00Z\nkept,2026-01-01T00:00:00Z\n");
        assertThat(run("import", "csv", "--mapping", mapping.toString(), "--data-dir", data.toString(), first.toString())).isZero();
        try (Store store = Stores.open(null, data)) {
            store.messages().erase("gone");
        }

        Path later = dir.resolve("later.csv");
        Files.writeString(later, "u,t\ngone,2026-02-01T00:00:00Z\ngone,2026-03-01T00:00:00Z\nkept,2026-02-01T00:00:00Z\n");
        assertThat(run("import", "csv", "--mapping", mapping.toString(), "--data-dir", data.toString(), later.toString())).isZero();
        assertThat(out).contains("stored 1 messages").contains("0 duplicates, 2 refused for erased users, 0 skipped rows");
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().messagesOf("gone")).isEmpty();
            assertThat(store.messages().messagesOf("kept")).hasSize(2);
        }
    }

    @Test
    void aBadMappingIsAnErrorNamingTheFieldAndAMissingColumnSkipsTheFile() throws Exception {
        Path mapping = dir.resolve("bad.json");
        Files.writeString(mapping, "{\"type\": \"track\", \"userId\": \"u\", \"timestamp\": \"t\", \"event\": {\"column\": \"e\"}, \"properties\": {\"n\": {\"column\": \"n\", \"type\": \"integer\"}}}");
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "u,t,e\nu1,2026-01-01T00:00:00Z,App Open\n");
        Path data = dir.resolve("data");
        assertThat(run("import", "csv", "--mapping", mapping.toString(), "--data-dir", data.toString(), csv.toString())).isEqualTo(2);
        assertThat(err).contains("mapping " + mapping + ": field 'properties.n.type': 'integer' is not one of string, number, boolean, date, datetime");

        Files.writeString(mapping, "{\"type\": \"track\", \"userId\": \"u\", \"timestamp\": \"t\", \"event\": {\"column\": \"event\"}}");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "u,t,event\nu1,2026-01-01T00:00:00Z,App Open\n");
        assertThat(run("import", "csv", "--mapping", mapping.toString(), "--data-dir", data.toString(), csv.toString(), good.toString())).isEqualTo(1);
        assertThat(err).contains("skipped file " + csv + ":1: no column 'event' (named by mapping field 'event.column'); the header has [u, t, e]");
        assertThat(out).contains("read 1 rows from 1 file(s); stored 1 messages").contains("1 skipped file(s)");
    }

    @Test
    void theExampleFilesImportWithoutSkippedRows() throws Exception {
        Path examples = Path.of("../examples/csv");
        Path data = dir.resolve("data");
        for (String name : List.of("profiles", "refills", "visits")) {
            String csv = examples.resolve(name + ".csv").toString();
            String mapping = examples.resolve(name + ".mapping.json").toString();
            assertThat(run("import", "csv", "--mapping", mapping, "--data-dir", data.toString(), csv)).as(err).isZero();
            assertThat(err).isEmpty();
            assertThat(run("import", "csv", "--mapping", mapping, "--data-dir", data.toString(), csv)).isZero();
            assertThat(out).contains("stored 0 messages");
        }
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(4 + 5 + 4);
            Message profile = parsed(store.messages().messagesOf("M-10001").get(0));
            assertThat(profile.traits().fields()).containsEntry("birthday", new Json.Str("1958-04-17")).containsEntry("diabetes", Json.TRUE);
            // 08:30 in Chicago (CDT, UTC-5) on 14 September 2026
            assertThat(profile.timestamp()).isEqualTo(Instant.parse("2026-09-14T13:30:00Z").toEpochMilli());
            assertThat(store.messages().messagesOf("M-10001")).filteredOn(s -> s.json().contains("\"Medication Refill\"")).hasSize(3);
            Message noShow = parsed(store.messages().messagesOf("M-10001").stream().filter(s -> "E-5002".equals(s.messageId())).findFirst().orElseThrow());
            assertThat(noShow.event()).isEqualTo("Appointment No Show");
            assertThat(noShow.timestamp()).isEqualTo(Instant.parse("2026-09-10T21:00:00Z").toEpochMilli());
        }
    }
}
