package dev.strata.fhir;

import dev.strata.json.Json;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.Map;

/** A message as one line of Segment-spec JSON, the form the store and /v1/batch take. */
public final class MessageJson {
    private MessageJson() {
    }

    public static String line(Message m) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"type\":\"").append(m.type() == dev.strata.model.MessageType.IDENTIFY ? "identify" : "track").append('"');
        sb.append(",\"userId\":");
        string(sb, m.userId());
        if (m.messageId() != null) {
            sb.append(",\"messageId\":");
            string(sb, m.messageId());
        }
        sb.append(",\"timestamp\":\"").append(Instant.ofEpochMilli(m.timestamp())).append('"');
        if (m.event() != null) {
            sb.append(",\"event\":");
            string(sb, m.event());
            sb.append(",\"properties\":");
            value(sb, m.properties());
        } else {
            sb.append(",\"traits\":");
            value(sb, m.traits());
        }
        if (m.context() != null) {
            sb.append(",\"context\":");
            value(sb, m.context());
        }
        return sb.append('}').toString();
    }

    static void value(StringBuilder sb, Json v) {
        if (v instanceof Json.Str s) string(sb, s.value());
        else if (v instanceof Json.Num n) number(sb, n.value());
        else if (v instanceof Json.Bool b) sb.append(b.value());
        else if (v instanceof Json.Null) sb.append("null");
        else if (v instanceof Json.Arr a) {
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) sb.append(',');
                value(sb, a.items().get(i));
            }
            sb.append(']');
        } else if (v instanceof Json.Obj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> e : o.fields().entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(sb, e.getKey());
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        }
    }

    private static void number(StringBuilder sb, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
        else sb.append(d);
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
    }
}
