package dev.strata.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageJsonWriterTest {
    @Test
    void writesWhatTheParserReadsBack() throws Exception {
        Json.Obj traits = new Json.Obj(Map.of(
                "name", new Json.Str("Jane \"JD\" Doe\n"),
                "address", new Json.Obj(Map.of("state", new Json.Str("CA"), "lat", new Json.Num(34.05))),
                "band", new Json.Num(3), "diabetes", Json.TRUE, "gone", Json.NULL,
                "tags", new Json.Arr(List.of(new Json.Str("a"), new Json.Num(-1.5)))));
        Message identify = Message.identify("u1", "m1", 1_767_225_600_123L, traits, new Json.Obj(Map.of("os", new Json.Obj(Map.of("name", new Json.Str("iOS"))))));
        Message track = Message.track("u2", null, 0L, "Medication Refill", new Json.Obj(Map.of("days_supply", new Json.Num(30))), null);

        for (Message m : List.of(identify, track)) {
            String line = MessageJsonWriter.write(m);
            assertThat(line).doesNotContain("\n");
            assertThat(MessageParser.parse(line, 42L)).isEqualTo(m);
        }
        assertThat(MessageJsonWriter.write(track)).isEqualTo(
                "{\"type\":\"track\",\"userId\":\"u2\",\"timestamp\":\"1970-01-01T00:00:00Z\",\"event\":\"Medication Refill\",\"properties\":{\"days_supply\":30}}");
    }
}
