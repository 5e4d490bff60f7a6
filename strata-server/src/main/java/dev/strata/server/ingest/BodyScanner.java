package dev.strata.server.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One streaming pass over a /v1 request body: finds each message's bytes and its identifying
 * fields without building a tree. Malformed JSON anywhere fails the whole body (a
 * {@link JacksonException} with the line and column); an element of {@code batch} that is not an
 * object is reported by its index.
 */
final class BodyScanner {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The messages of a body, and the batch elements that are not objects. */
    record Scan(List<ScannedMessage> messages, List<IngestAnswer.Rejection> notObjects) {
    }

    private BodyScanner() {
    }

    /** A single-call body: exactly one JSON object. */
    static ScannedMessage single(byte[] body) throws BodyException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) throw new BodyException("the body must be one JSON object, found " + describe(t));
            ScannedMessage m = object(p, 0);
            if (p.nextToken() != null) throw new BodyException("unexpected data after the JSON object");
            return m;
        }
    }

    /** A batch body: an object with a {@code batch} array. */
    static Scan batch(byte[] body) throws BodyException {
        List<ScannedMessage> messages = new ArrayList<>();
        List<IngestAnswer.Rejection> notObjects = new ArrayList<>();
        boolean sawBatch = false;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) throw new BodyException("the body must be a JSON object with a \"batch\" array, found " + describe(t));
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!name.equals("batch")) {
                    p.skipChildren();
                    continue;
                }
                if (v != JsonToken.START_ARRAY) throw new BodyException("\"batch\" must be an array, found " + describe(v));
                if (sawBatch) throw new BodyException("\"batch\" appears twice");
                sawBatch = true;
                int index = 0;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == JsonToken.START_OBJECT) {
                        messages.add(object(p, index));
                    } else {
                        notObjects.add(new IngestAnswer.Rejection(index, "expected a message object, found " + describe(e)));
                        p.skipChildren();
                    }
                    index++;
                }
            }
            if (p.nextToken() != null) throw new BodyException("unexpected data after the JSON object");
        }
        if (!sawBatch) throw new BodyException("missing \"batch\": expected {\"batch\": [messages...]}");
        return new Scan(messages, notObjects);
    }

    /** Reads the object whose START_OBJECT is current, leaving the parser on its END_OBJECT. */
    private static ScannedMessage object(JsonParser p, int index) {
        int start = (int) p.currentTokenLocation().getByteOffset();
        String type = null, userId = null, anonymousId = null, previousId = null, messageId = null, timestamp = null, receivedAt = null;
        boolean empty = true;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            empty = false;
            String name = p.currentName();
            JsonToken v = p.nextToken();
            String text = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT ? p.getString() : null;
            switch (name) {
                case "type" -> type = text;
                case "userId" -> userId = text;
                case "anonymousId" -> anonymousId = text;
                case "previousId" -> previousId = text;
                case "messageId" -> messageId = text;
                case "timestamp" -> timestamp = text;
                case "receivedAt" -> receivedAt = text;
                default -> { }
            }
            p.skipChildren();
        }
        int end = (int) p.currentTokenLocation().getByteOffset() + 1;
        return new ScannedMessage(index, start, end, empty, type, userId, anonymousId, previousId, messageId, timestamp, receivedAt);
    }

    static String describe(JsonToken t) {
        if (t == null) return "nothing";
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

    /** A body that is valid JSON but not the shape the call expects. */
    static final class BodyException extends Exception {
        private static final long serialVersionUID = 1L;

        BodyException(String reason) {
            super(reason, null, false, false);
        }
    }
}
