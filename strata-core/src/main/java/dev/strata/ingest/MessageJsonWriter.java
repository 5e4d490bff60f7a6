package dev.strata.ingest;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A {@link Message} as one line of Segment-spec JSON, the inverse of {@link MessageParser}: how
 * importers of other formats (CSV, ...) hand their messages to the same ingestion path as NDJSON.
 */
public final class MessageJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MessageJsonWriter() {
    }

    public static String write(Message m) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("type", m.type() == MessageType.TRACK ? "track" : "identify");
            g.writeStringProperty("userId", m.userId());
            if (m.messageId() != null) g.writeStringProperty("messageId", m.messageId());
            g.writeStringProperty("timestamp", Instant.ofEpochMilli(m.timestamp()).toString());
            if (m.type() == MessageType.TRACK) {
                g.writeStringProperty("event", m.event());
                g.writeName("properties");
                value(g, m.properties());
            } else {
                g.writeName("traits");
                value(g, m.traits());
            }
            if (m.context() != null) {
                g.writeName("context");
                value(g, m.context());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Json v) {
        if (v instanceof Json.Obj o) {
            g.writeStartObject();
            for (Map.Entry<String, Json> e : o.fields().entrySet()) {
                g.writeName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Json.Arr a) {
            g.writeStartArray();
            for (Json item : a.items()) value(g, item);
            g.writeEndArray();
        } else if (v instanceof Json.Str s) {
            g.writeString(s.value());
        } else if (v instanceof Json.Num n) {
            number(g, n.value());
        } else if (v instanceof Json.Bool b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }

    /** Integral values are written without a fraction so that "3" does not come back as "3.0". */
    private static void number(JsonGenerator g, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
        else g.writeNumber(d);
    }
}
