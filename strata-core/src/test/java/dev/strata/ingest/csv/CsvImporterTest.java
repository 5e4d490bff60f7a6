package dev.strata.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    private static final long NOW = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final List<Message> messages = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private final CsvImporter.Sink sink = new CsvImporter.Sink() {
        @Override
        public void message(Message message, long line) {
            messages.add(message);
            lines.add(line);
        }

        @Override
        public void problem(CsvProblem problem) {
            problems.add(problem.toString());
        }
    };

    private static final String PROFILES = """
            {"type": "identify", "userId": "id", "timestamp": {"column": "updated", "format": "MM/dd/yyyy HH:mm", "zone": "America/New_York"},
             "traits": {"name": "name", "address.state": "state", "address.zip": "zip",
                        "birthday": {"column": "dob", "type": "date", "format": "M/d/yyyy"},
                        "income_band": {"column": "band", "type": "number"},
                        "diabetes": {"column": "diabetic", "type": "boolean"},
                        "notes": "notes"},
             "null": "NULL"}
            """;

    private CsvImporter.Summary importText(String mapping, String csv) throws Exception {
        CsvImporter importer = new CsvImporter(CsvMappingReader.parse("m.json", mapping), NOW);
        return importer.read(new StringReader(csv), "in.csv", "in.csv", sink);
    }

    @Test
    void readsQuotedFieldsEmbeddedNewlinesNestedPathsAndTypes() throws Exception {
        String csv = "id,updated,name,state,zip,dob,band,diabetic,notes\r\n"
                + "u1,03/04/2025 08:30,\"Doe, Jane\",CA,02134,7/4/1960,3,yes,\"said \"\"hi\"\"\r\nthen left\"\r\n"
                + "u2,03/05/2025 00:00,Bob,NY,,12/31/1959,2.5,FALSE,NULL\r\n";
        CsvImporter.Summary s = importText(PROFILES, csv);

        assertThat(problems).isEmpty();
        assertThat(s).isEqualTo(new CsvImporter.Summary(2, 2, 0));
        assertThat(lines).containsExactly(2L, 4L);
        Message u1 = messages.get(0);
        assertThat(u1.type()).isEqualTo(MessageType.IDENTIFY);
        assertThat(u1.userId()).isEqualTo("u1");
        // 08:30 in New York on 4 March 2025 is 13:30 UTC (EST, UTC-5)
        assertThat(u1.timestamp()).isEqualTo(Instant.parse("2025-03-04T13:30:00Z").toEpochMilli());
        assertThat(u1.traits().get("name")).isEqualTo(new Json.Str("Doe, Jane"));
        assertThat(u1.traits().get("notes")).isEqualTo(new Json.Str("said \"hi\"\r\nthen left"));
        assertThat(u1.traits().get("address")).isEqualTo(new Json.Obj(Map.of("state", new Json.Str("CA"), "zip", new Json.Str("02134"))));
        assertThat(u1.traits().get("birthday")).isEqualTo(new Json.Str("1960-07-04"));
        assertThat(u1.traits().get("income_band")).isEqualTo(new Json.Num(3));
        assertThat(u1.traits().get("diabetes")).isEqualTo(Json.TRUE);

        Message u2 = messages.get(1);
        assertThat(((Json.Obj) u2.traits().get("address")).fields()).containsOnlyKeys("state");
        assertThat(u2.traits().get("income_band")).isEqualTo(new Json.Num(2.5));
        assertThat(u2.traits().get("diabetes")).isEqualTo(Json.FALSE);
        assertThat(u2.traits().get("notes")).isEqualTo(Json.NULL);
    }

    @Test
    void reportsBadRowsAtTheLineTheirRecordStartsAndGoesOn() throws Exception {
        String csv = "id,updated,name,state,zip,dob,band,diabetic,notes\n"
                + "u1,03/04/2025 08:30,\"multi\nline\nname\",CA,1,1/1/1960,1,y,\n"    // lines 2-4: fine
                + ",03/04/2025 08:30,x,CA,1,1/1/1960,1,y,\n"                            // 5: no id
                + "u3,03/04/2025 08:30,x,CA,1,1/1/1960,many,y,\n"                       // 6: bad number
                + "\n"                                                                 // 7: blank, ignored
                + "u4,2025-03-04,x,CA,1,1/1/1960,1,y,\n"                                // 8: bad timestamp
                + "u5,03/04/2025 08:30,x,CA\n"                                          // 9: too few fields
                + "u6,03/04/2025 08:30,\"a\nb\",CA,1,1/1/1960,1,maybe,\n"              // 10-11: bad boolean
                + "u7,03/04/2025 08:30,x,CA,1,31/12/1960,1,n,\n"                        // 12: bad date
                + "u8,03/04/2025 08:30,x,CA,1,1/1/1960,1e3,0,extra,field\n"             // 13: too many fields
                + "u9,03/04/2025 08:30,x,CA,1,1/1/1960,-0.5,1,";                          // 14: fine, no final newline
        CsvImporter.Summary s = importText(PROFILES, csv);

        assertThat(problems).containsExactly(
                "in.csv:5: no user id (column 'id' is empty)",
                "in.csv:6: column 'band' (traits.income_band, number): 'many' is not a number",
                "in.csv:8: column 'updated': timestamp '2025-03-04' does not match the format 'MM/dd/yyyy HH:mm'",
                "in.csv:9: has 4 fields; the header has 9",
                "in.csv:10: column 'diabetic' (traits.diabetes, boolean): 'maybe' is not a boolean (true/false, yes/no, 1/0)",
                "in.csv:12: column 'dob' (traits.birthday, date): '31/12/1960' is not a date in the format 'M/d/yyyy'",
                "in.csv:13: has 10 fields; the header has 9");
        assertThat(messages).extracting(Message::userId).containsExactly("u1", "u9");
        assertThat(lines).containsExactly(2L, 14L);
        assertThat(messages.get(1).traits().get("income_band")).isEqualTo(new Json.Num(-0.5));
        assertThat(s).isEqualTo(new CsvImporter.Summary(9, 2, 7));
    }

    @Test
    void anUnterminatedQuoteSkipsTheRestOfTheFile() throws Exception {
        String csv = "id,updated,name,state,zip,dob,band,diabetic,notes\n"
                + "u1,03/04/2025 08:30,x,CA,1,1/1/1960,1,y,\n"
                + "u2,03/04/2025 08:30,\"never closed,CA,1,1/1/1960,1,y,\n"
                + "u3,03/04/2025 08:30,x,CA,1,1/1/1960,1,y,\n";
        CsvImporter.Summary s = importText(PROFILES, csv);
        assertThat(messages).extracting(Message::userId).containsExactly("u1");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("in.csv:3: unreadable CSV, rest of the file skipped: ");
        assertThat(s.skipped()).isEqualTo(1);
    }

    private static final String REFILLS = """
            {"type": "track", "userId": "member", "anonymousId": "device",
             "timestamp": {"column": "filled", "format": "yyyy-MM-dd"},
             "event": {"name": "Medication Refill"},
             "messageId": {"key": ["member", "rx", "filled"]},
             "properties": {"drug_class": "class", "days_supply": {"column": "days", "type": "number"}},
             "context": {"os.name": "os"}}
            """;

    @Test
    void eventsWithConstantNameDerivedIdsAnonymousFallbackAndContext() throws Exception {
        String csv = "member,device,rx,filled,class,days,os\n"
                + "m1,,rx1,2026-01-05,statin,30,iOS\n"
                + ",d9,rx2,2026-01-06,ace_inhibitor,90,\n"
                + "m1,,rx1,2026-02-04,statin,30,iOS\n";
        importText(REFILLS, csv);
        assertThat(problems).isEmpty();
        assertThat(messages).extracting(Message::event).containsOnly("Medication Refill");
        assertThat(messages).extracting(Message::userId).containsExactly("m1", "d9", "m1");
        assertThat(messages.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z").toEpochMilli());
        assertThat(messages.get(0).properties().get("days_supply")).isEqualTo(new Json.Num(30));
        assertThat(messages.get(0).context()).isEqualTo(new Json.Obj(Map.of("os", new Json.Obj(Map.of("name", new Json.Str("iOS"))))));
        assertThat(messages.get(1).context()).isNull();
        assertThat(messages).extracting(Message::messageId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("csv-"));

        // the same rows again, reordered and with a changed non-key cell, give the same ids
        List<String> first = messages.stream().map(Message::messageId).toList();
        messages.clear();
        importText(REFILLS, "member,device,rx,filled,class,days,os\n"
                + "m1,,rx1,2026-02-04,statin,30,Android\n"
                + "m1,,rx1,2026-01-05,statin,30,iOS\n");
        assertThat(messages).extracting(Message::messageId).containsExactly(first.get(2), first.get(0));
    }

    @Test
    void derivedIdsDependOnTheSourceAndTheWholeRowByDefault() throws Exception {
        String mapping = """
                {"type": "track", "userId": "u", "timestamp": {"column": "t", "format": "epoch_seconds"}, "event": {"column": "e"}}
                """;
        CsvImporter importer = new CsvImporter(CsvMappingReader.parse("m.json", mapping), NOW);
        String csv = "u,t,e\nu1,1767225600,Doctor Visit\nu1,1767225600,App Open\n";
        importer.read(new StringReader(csv), "a.csv", "a.csv", sink);
        importer.read(new StringReader(csv), "b.csv", "b.csv", sink);
        importer.read(new StringReader(csv), "a.csv", "a.csv", sink);
        assertThat(messages).hasSize(6);
        assertThat(messages.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        assertThat(messages.get(0).event()).isEqualTo("Doctor Visit");
        List<String> ids = messages.stream().map(Message::messageId).toList();
        assertThat(ids.subList(0, 4)).doesNotHaveDuplicates();
        assertThat(ids.subList(4, 6)).isEqualTo(ids.subList(0, 2));
    }

    @Test
    void readsAFileWithAByteOrderMarkAndASemicolonDelimiter() throws Exception {
        Path file = dir.resolve("profiles.csv");
        Files.write(file, ("\uFEFFid;plan;since\nu1;medicare;2026-03-04T10:15:30+02:00\nu2;\"a;b\";2026-03-04T10:15:30\n")
                .getBytes(StandardCharsets.UTF_8));
        CsvMapping mapping = CsvMappingReader.parse("m.json", """
                {"type": "identify", "userId": "id", "delimiter": ";", "messageId": {"column": "id"},
                 "traits": {"plan": "plan", "plan_since": {"column": "since", "type": "datetime"}}}
                """);
        CsvImporter.Summary s = new CsvImporter(mapping, NOW).read(file, sink);
        assertThat(problems).isEmpty();
        assertThat(s.messages()).isEqualTo(2);
        assertThat(messages.get(0).userId()).isEqualTo("u1");
        assertThat(messages.get(0).timestamp()).isEqualTo(NOW);
        assertThat(messages.get(0).traits().get("plan_since")).isEqualTo(new Json.Str("2026-03-04T08:15:30Z"));
        assertThat(messages.get(1).traits().get("plan")).isEqualTo(new Json.Str("a;b"));
        assertThat(messages.get(1).traits().get("plan_since")).isEqualTo(new Json.Str("2026-03-04T10:15:30Z"));
    }

    @Test
    void aColumnMissingFromTheHeaderNamesTheMappingField() throws Exception {
        assertThatThrownBy(() -> importText(REFILLS, "member,device,rx,filled,klass,days,os\nm1,,rx1,2026-01-05,statin,30,iOS\n"))
                .isInstanceOf(CsvFileException.class)
                .hasMessageContaining("in.csv:1: no column 'class' (named by mapping field 'properties.drug_class')");
        assertThatThrownBy(() -> importText(REFILLS, "member,member,rx\n"))
                .isInstanceOf(CsvFileException.class)
                .hasMessageContaining("in.csv:1: unreadable header");
    }

    @Test
    void blankCellsOfTypedColumnsAreNoValueAndAnEmptyNullTextErases() throws Exception {
        String mapping = """
                {"type": "identify", "userId": "id", "timestamp": {"column": "t", "format": "epoch_millis"}, "null": "",
                 "traits": {"name": "name", "band": {"column": "band", "type": "number"},
                            "seen": {"column": "seen", "type": "datetime", "format": "epoch_seconds"}}}
                """;
        importText(mapping, "id,t,name,band,seen\nu1,1767225600123,  ,  ,1767225600\n  ,0,x,1,1\nu2,5,,,\n");
        assertThat(problems).containsExactly("in.csv:3: no user id (column 'id' is empty)");
        assertThat(messages.get(0).timestamp()).isEqualTo(1_767_225_600_123L);
        assertThat(messages.get(0).traits().fields()).containsOnlyKeys("name", "seen");
        assertThat(messages.get(0).traits().get("name")).isEqualTo(new Json.Str("  "));
        assertThat(messages.get(0).traits().get("seen")).isEqualTo(new Json.Str("2026-01-01T00:00:00Z"));
        assertThat(messages.get(1).traits().fields()).containsOnly(Map.entry("name", Json.NULL), Map.entry("band", Json.NULL), Map.entry("seen", Json.NULL));
    }

    @Test
    void unnamedTrailingColumnsOfASpreadsheetExportAreAllowed() throws Exception {
        importText(REFILLS, "member,device,rx,filled,class,days,os,,\nm1,,rx1,2026-01-05,statin,30,iOS,,\nm1,,rx1,2026-01-06,statin,30,iOS\n");
        assertThat(messages).hasSize(1);
        assertThat(problems).containsExactly("in.csv:3: has 7 fields; the header has 9");
    }
}
