package dev.strata.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageParserTest {

    @Test
    void readsTheSpecExample() throws Exception {
        Message m = MessageParser.parse("{\"type\":\"track\",\"userId\":\"p-001\",\"event\":\"Medication Refill\","
                + "\"properties\":{\"drug_class\":\"statin\",\"days_supply\":30},\"context\":{\"os\":{\"name\":\"iOS\"}},"
                + "\"timestamp\":\"2025-03-04T08:30:00Z\",\"messageId\":\"m-2\",\"sentAt\":\"x\",\"integrations\":{\"All\":true}}", 0);
        assertThat(m.type()).isEqualTo(MessageType.TRACK);
        assertThat(m.userId()).isEqualTo("p-001");
        assertThat(m.messageId()).isEqualTo("m-2");
        assertThat(m.event()).isEqualTo("Medication Refill");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2025-03-04T08:30:00Z").toEpochMilli());
        assertThat(m.properties().get("days_supply")).isEqualTo(new Json.Num(30));
        assertThat(((Json.Obj) m.context().get("os")).get("name")).isEqualTo(new Json.Str("iOS"));
    }

    @Test
    void numericUserIdKeepsItsText() throws Exception {
        assertThat(MessageParser.parse("{\"type\":\"identify\",\"userId\":12345,\"timestamp\":\"2025-03-04T08:30:00Z\"}", 0).userId())
                .isEqualTo("12345");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"track\",\"event\":\"E\"}|message has neither \"userId\" nor \"anonymousId\"",
            "{\"userId\":\"a\"}|missing \"type\"",
            "{\"type\":\"click\",\"userId\":\"a\"}|unknown \"type\" 'click'",
            "{\"type\":\"track\",\"userId\":\"a\",\"event\":\"\"}|track message without \"event\" name",
            "{\"type\":\"identify\",\"userId\":\"a\",\"traits\":[1]}|\"traits\" must be an object, found an array",
            "{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-03-04\"}|invalid \"timestamp\"",
            "{\"type\":\"identify\",\"userId\":\"a\"} {}|unexpected data after the JSON object",
            "{\"type\":\"identify\",\"userId\":true}|\"userId\" must be a string, found a boolean",
    })
    void rejectsInvalidMessagesWithAReason(String json, String reason) {
        assertThatThrownBy(() -> MessageParser.parse(json, 0)).isInstanceOf(InvalidMessageException.class).hasMessageContaining(reason);
    }

    @Test
    void ignoredCallTypes() {
        assertThatThrownBy(() -> MessageParser.parse("{\"type\":\"page\",\"userId\":\"a\"}", 0)).isInstanceOf(MessageParser.IgnoredTypeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-04T08:30:00Z", "2025-03-04T08:30:00.1Z", "2025-03-04T08:30:00.123456789Z", "2025-03-04T08:30:00+05:30",
            "2025-03-04T08:30:00.250-08:00", "2024-02-29T23:59:59Z", "1969-12-31T23:59:59.999Z", "2025-03-04T08:30Z"})
    void fastTimestampParsingAgreesWithJavaTime(String ts) {
        assertThat(Timestamps.parse(ts)).isEqualTo(OffsetDateTime.parse(ts).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-03-04T24:00:00Z", "2025-03-04 08:30:00Z", "2025-03-04T08:30:00", "yesterday"})
    void rejectsInvalidTimestamps(String ts) {
        assertThatThrownBy(() -> Timestamps.parse(ts)).isInstanceOf(java.time.DateTimeException.class).hasMessageContaining(ts);
    }
}
