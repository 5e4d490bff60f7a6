package dev.strata.testing;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages to and from Segment-spec NDJSON, for printing failing cases and reading regression
 * files. Test-side on purpose: the production reader is the engine's business, and a regression
 * file must not depend on the code it is checking.
 */
public final class MessageNdjson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids written as {@code anonymousId} rather than {@code userId}, as the generator names them. */
    static final String ANONYMOUS_PREFIX = "anon-";

    private MessageNdjson() {
    }

    public static String write(List<Message> messages) {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) sb.append(write(m)).append('\n');
        return sb.toString();
    }

    public static String write(Message m) {
        ObjectNode o = NODES.objectNode();
        o.put("type", m.type().name().toLowerCase(java.util.Locale.ROOT));
        o.put(m.userId().startsWith(ANONYMOUS_PREFIX) ? "anonymousId" : "userId", m.userId());
        if (m.messageId() != null) o.put("messageId", m.messageId());
        o.put("timestamp", Instant.ofEpochMilli(m.timestamp()).toString());
        if (m.type() == MessageType.TRACK) {
            o.put("event", m.event());
            o.set("properties", toNode(m.properties()));
        } else {
            o.set("traits", toNode(m.traits()));
        }
        if (m.context() != null) o.set("context", toNode(m.context()));
        return MAPPER.writeValueAsString(o);
    }

    public static List<Message> read(String ndjson) {
        List<Message> out = new ArrayList<>();
        String[] lines = ndjson.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                out.add(readMessage(lines[i]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        return out;
    }

    public static Message readMessage(String line) {
        JsonNode n = MAPPER.readTree(line);
        if (!n.isObject()) throw new IllegalArgumentException("a message must be a JSON object");
        String type = text(n, "type");
        String user = n.has("userId") ? text(n, "userId") : text(n, "anonymousId");
        String messageId = n.has("messageId") ? text(n, "messageId") : null;
        long timestamp = OffsetDateTime.parse(text(n, "timestamp")).toInstant().toEpochMilli();
        Json.Obj context = n.get("context") != null && n.get("context").isObject() ? (Json.Obj) toJson(n.get("context")) : null;
        if (type.equals("identify")) {
            return Message.identify(user, messageId, timestamp, object(n, "traits"), context);
        }
        if (type.equals("track")) {
            return Message.track(user, messageId, timestamp, text(n, "event"), object(n, "properties"), context);
        }
        throw new IllegalArgumentException("unknown message type '" + type + "' (expected identify or track)");
    }

    /** Parses one JSON value into the shared model. */
    public static Json parseJson(String text) {
        return toJson(MAPPER.readTree(text));
    }

    public static String writeJson(Json value) {
        return MAPPER.writeValueAsString(toNode(value));
    }

    private static String text(JsonNode message, String key) {
        JsonNode v = message.get(key);
        if (v == null || !v.isString()) throw new IllegalArgumentException("expected a string '" + key + "'");
        return v.stringValue();
    }

    private static Json.Obj object(JsonNode message, String key) {
        JsonNode v = message.get(key);
        if (v == null || v.isNull()) return Json.Obj.EMPTY;
        if (!v.isObject()) throw new IllegalArgumentException("expected an object '" + key + "'");
        return (Json.Obj) toJson(v);
    }

    static Json toJson(JsonNode n) {
        if (n.isNull()) return Json.NULL;
        if (n.isBoolean()) return Json.bool(n.booleanValue());
        if (n.isNumber()) return Json.num(n.doubleValue());
        if (n.isString()) return Json.str(n.stringValue());
        if (n.isArray()) {
            List<Json> items = new ArrayList<>();
            for (JsonNode item : n.values()) items.add(toJson(item));
            return new Json.Arr(items);
        }
        if (n.isObject()) {
            Map<String, Json> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) fields.put(e.getKey(), toJson(e.getValue()));
            return new Json.Obj(fields);
        }
        throw new IllegalArgumentException("unsupported JSON node " + n.getNodeType());
    }

    static JsonNode toNode(Json j) {
        if (j instanceof Json.Null) return NODES.nullNode();
        if (j instanceof Json.Bool b) return NODES.booleanNode(b.value());
        if (j instanceof Json.Num n) {
            double d = n.value();
            boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0);
            return whole ? NODES.numberNode((long) d) : NODES.numberNode(d);
        }
        if (j instanceof Json.Str s) return NODES.stringNode(s.value());
        if (j instanceof Json.Arr a) {
            ArrayNode arr = NODES.arrayNode();
            for (Json item : a.items()) arr.add(toNode(item));
            return arr;
        }
        if (j instanceof Json.Obj o) {
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<String, Json> e : o.fields().entrySet()) obj.set(e.getKey(), toNode(e.getValue()));
            return obj;
        }
        throw new IllegalArgumentException("unknown JSON value " + j);
    }
}
