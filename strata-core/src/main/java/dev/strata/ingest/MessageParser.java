package dev.strata.ingest;

import dev.strata.json.Json;
import dev.strata.model.Message;
import dev.strata.model.MessageType;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one Segment-spec message from JSON and validates it. This is the only place Strata turns
 * message JSON into its model; it streams tokens straight into {@link Json} values without an
 * intermediate tree. Fields other than those Strata evaluates (sentAt, integrations, ...) are
 * skipped.
 */
public final class MessageParser {
    /** Calls Strata accepts but does not evaluate. */
    public static final List<String> IGNORED_TYPES = List.of("page", "screen", "group", "alias");

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The outcome for a message of a call Strata ignores (page, screen, group, alias). */
    public static final class IgnoredTypeException extends Exception {
        private static final long serialVersionUID = 1L;

        IgnoredTypeException(String type) {
            super("'" + type + "' calls are not evaluated", null, false, false);
        }
    }

    private MessageParser() {
    }

    /**
     * Parses a message.
     *
     * @param receivedAt epoch millis used as the timestamp of a message that has neither
     *                   {@code timestamp} nor {@code receivedAt}
     */
    public static Message parse(byte[] buf, int off, int len, long receivedAt) throws InvalidMessageException, IgnoredTypeException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), buf, off, len)) {
            return read(p, receivedAt);
        } catch (JacksonException e) {
            throw new InvalidMessageException("not valid JSON: " + e.getOriginalMessage() + location(e));
        }
    }

    public static Message parse(String json, long receivedAt) throws InvalidMessageException, IgnoredTypeException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return read(p, receivedAt);
        } catch (JacksonException e) {
            throw new InvalidMessageException("not valid JSON: " + e.getOriginalMessage() + location(e));
        }
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        return loc == null || loc.getColumnNr() < 1 ? "" : " (at column " + loc.getColumnNr() + ")";
    }

    private static Message read(JsonParser p, long receivedAt) throws InvalidMessageException, IgnoredTypeException {
        JsonToken first = p.nextToken();
        if (first == null) throw new InvalidMessageException("empty line: expected a JSON object");
        if (first != JsonToken.START_OBJECT) throw new InvalidMessageException("expected a JSON object, found " + describe(first));
        Message m = readObjectMessage(p, receivedAt);
        if (p.nextToken() != null) throw new InvalidMessageException("unexpected data after the JSON object");
        return m;
    }

    /** A parser over many lines, for {@link NdjsonLoader}'s fast path. */
    static JsonParser parserOver(byte[] buf, int off, int len) {
        return FACTORY.createParser(ObjectReadContext.empty(), buf, off, len);
    }

    /**
     * Reads the message whose START_OBJECT is the current token, leaving the parser on its
     * END_OBJECT. Jackson errors propagate, as the caller decides how to report them.
     */
    static Message readObjectMessage(JsonParser p, long receivedAt) throws InvalidMessageException, IgnoredTypeException {
        String type = null;
        String userId = null;
        String anonymousId = null;
        String messageId = null;
        String timestamp = null;
        String received = null;
        String event = null;
        Json.Obj traits = null;
        Json.Obj properties = null;
        Json.Obj context = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> type = string(p, v, "type");
                case "userId" -> userId = id(p, v, "userId");
                case "anonymousId" -> anonymousId = id(p, v, "anonymousId");
                case "messageId" -> messageId = id(p, v, "messageId");
                case "timestamp" -> timestamp = string(p, v, "timestamp");
                case "receivedAt" -> received = string(p, v, "receivedAt");
                case "event" -> event = string(p, v, "event");
                case "traits" -> traits = object(p, v, "traits");
                case "properties" -> properties = object(p, v, "properties");
                case "context" -> context = object(p, v, "context");
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) throw new InvalidMessageException("malformed JSON object");

        if (type == null) throw new InvalidMessageException("missing \"type\" (expected \"identify\" or \"track\")");
        MessageType kind;
        if (type.equals("identify")) kind = MessageType.IDENTIFY;
        else if (type.equals("track")) kind = MessageType.TRACK;
        else if (IGNORED_TYPES.contains(type)) throw new IgnoredTypeException(type);
        else throw new InvalidMessageException("unknown \"type\" '" + type + "' (expected \"identify\" or \"track\")");

        String identity = userId != null && !userId.isEmpty() ? userId : anonymousId;
        if (identity == null || identity.isEmpty()) throw new InvalidMessageException("message has neither \"userId\" nor \"anonymousId\"");
        if (kind == MessageType.TRACK && (event == null || event.isEmpty())) {
            throw new InvalidMessageException("track message without \"event\" name");
        }
        long ts;
        try {
            if (timestamp != null) ts = Timestamps.parse(timestamp);
            else if (received != null) ts = Timestamps.parse(received);
            else ts = receivedAt;
        } catch (DateTimeException e) {
            throw new InvalidMessageException("invalid \"" + (timestamp != null ? "timestamp" : "receivedAt") + "\": " + e.getMessage());
        }
        return kind == MessageType.IDENTIFY
                ? Message.identify(identity, messageId, ts, traits, context)
                : Message.track(identity, messageId, ts, event, properties, context);
    }

    private static String string(JsonParser p, JsonToken v, String field) throws InvalidMessageException {
        if (v == JsonToken.VALUE_NULL) return null;
        if (v != JsonToken.VALUE_STRING) throw new InvalidMessageException("\"" + field + "\" must be a string, found " + describe(v));
        return p.getString();
    }

    /** Ids may be strings or numbers (some SDKs send numeric user ids); numbers keep their text. */
    private static String id(JsonParser p, JsonToken v, String field) throws InvalidMessageException {
        if (v == JsonToken.VALUE_NULL) return null;
        if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) return p.getString();
        throw new InvalidMessageException("\"" + field + "\" must be a string, found " + describe(v));
    }

    private static Json.Obj object(JsonParser p, JsonToken v, String field) throws InvalidMessageException {
        if (v == JsonToken.VALUE_NULL) return null;
        if (v != JsonToken.START_OBJECT) throw new InvalidMessageException("\"" + field + "\" must be an object, found " + describe(v));
        return readObject(p);
    }

    private static Json.Obj readObject(JsonParser p) {
        Json.Obj.Builder fields = new Json.Obj.Builder();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            fields.put(name, value(p, p.nextToken()));
        }
        return fields.build();
    }

    private static Json value(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return new Json.Str(p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Json.Num(p.getValueAsDouble());
            case VALUE_TRUE:
                return Json.TRUE;
            case VALUE_FALSE:
                return Json.FALSE;
            case VALUE_NULL:
                return Json.NULL;
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Json> items = new ArrayList<>();
                JsonToken x;
                while ((x = p.nextToken()) != JsonToken.END_ARRAY) items.add(value(p, x));
                return new Json.Arr(items);
            }
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
