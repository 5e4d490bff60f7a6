package dev.strata.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.model.MessageType;
import org.junit.jupiter.api.Test;

class CsvMappingReaderTest {

    private static void refused(String json, String message) {
        assertThatThrownBy(() -> CsvMappingReader.parse("m.json", json))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessage(message);
    }

    @Test
    void readsEveryField() throws Exception {
        CsvMapping m = CsvMappingReader.parse("m.json", """
                {"type": "track", "userId": "u", "anonymousId": "a",
                 "timestamp": {"column": "t", "format": "dd.MM.yyyy HH:mm", "zone": "Europe/Paris"},
                 "event": {"column": "e"}, "messageId": {"source": "emr-2026", "key": ["u", "t"]},
                 "properties": {"days_supply": {"column": "d", "type": "number"}, "refilled.on": {"column": "o", "type": "date", "format": "yyyyMMdd"}},
                 "context": {"app.version": "v"}, "delimiter": "\\t", "null": "\\\\N"}
                """);
        assertThat(m.type()).isEqualTo(MessageType.TRACK);
        assertThat(m.anonymousIdColumn()).isEqualTo("a");
        assertThat(m.timestamp().zone().getId()).isEqualTo("Europe/Paris");
        assertThat(m.eventColumn()).isEqualTo("e");
        assertThat(m.source()).isEqualTo("emr-2026");
        assertThat(m.keyColumns()).containsExactly("u", "t");
        assertThat(m.properties()).extracting(FieldRule::path).containsExactly("days_supply", "refilled.on");
        assertThat(m.properties().get(1).segments()).containsExactly("refilled", "on");
        assertThat(m.context().get(0).type()).isEqualTo(ValueType.STRING);
        assertThat(m.delimiter()).isEqualTo('\t');
        assertThat(m.nullText()).isEqualTo("\\N");
    }

    @Test
    void namesTheBadField() {
        refused("[]", "mapping m.json: must be a JSON object");
        assertThatThrownBy(() -> CsvMappingReader.parse("m.json", "{\"type\": \"identify\",\n \"userId\": \"u\","))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageStartingWith("mapping m.json: not valid JSON at line 2, column ");
        refused("{\"type\": \"page\", \"userId\": \"u\"}", "mapping m.json: field 'type': 'page' is neither \"identify\" (profiles) nor \"track\" (events)");
        refused("{\"type\": \"identify\"}", "mapping m.json: field 'userId': missing");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"trait\": {}}",
                "mapping m.json: field 'trait': unknown field (expected one of [anonymousId, context, delimiter, event, messageId, null, properties, timestamp, traits, type, userId])");
        refused("{\"type\": \"track\", \"userId\": \"u\", \"event\": {\"name\": \"x\"}}", "mapping m.json: field 'timestamp': missing: events need the column holding their time");
        refused("{\"type\": \"track\", \"userId\": \"u\", \"timestamp\": \"t\"}",
                "mapping m.json: field 'event': missing: a track mapping needs {\"column\": ...} or {\"name\": ...}");
        refused("{\"type\": \"track\", \"userId\": \"u\", \"timestamp\": \"t\", \"event\": {\"name\": \"x\", \"column\": \"e\"}}",
                "mapping m.json: field 'event': needs exactly one of \"column\" and \"name\"");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"age\": {\"column\": \"a\", \"type\": \"int\"}}}",
                "mapping m.json: field 'traits.age.type': 'int' is not one of string, number, boolean, date, datetime");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"dob\": {\"column\": \"a\", \"type\": \"date\", \"format\": \"yyyy-MM-dd-q-bb\"}}}",
                "mapping m.json: field 'traits.dob.format': 'yyyy-MM-dd-q-bb' is not a date-time pattern: Unknown pattern letter: b");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"address\": \"a\", \"address.state\": \"s\"}}",
                "mapping m.json: field 'traits.address.state': clashes with traits.address: a field cannot be both a value and an object");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"address..state\": \"s\"}}",
                "mapping m.json: field 'traits.address..state': a path needs names between its dots");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"properties\": {\"x\": \"s\"}}",
                "mapping m.json: field 'properties': identify mappings set traits, not properties");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"timestamp\": {\"column\": \"t\", \"zone\": \"Mars/Olympus\"}}",
                "mapping m.json: field 'timestamp.zone': 'Mars/Olympus' is not a time zone (e.g. UTC, America/New_York, +02:00)");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"messageId\": {\"column\": \"id\", \"key\": [\"u\"]}}",
                "mapping m.json: field 'messageId': \"column\" takes the id from the file; \"source\" and \"key\" derive one: use either, not both");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"delimiter\": \",,\"}",
                "mapping m.json: field 'delimiter': ',,' is not a single character other than a quote or line break");
        refused("{\"type\": \"identify\", \"userId\": 7}", "mapping m.json: field 'userId': must be a string, found 7");
        refused("{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"plan\": {\"column\": \"p\", \"format\": \"x\"}}}",
                "mapping m.json: field 'traits.plan.format': only date and datetime fields have a format or zone");
    }
}
