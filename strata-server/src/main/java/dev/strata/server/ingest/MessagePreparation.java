package dev.strata.server.ingest;

import dev.strata.ingest.InvalidMessageException;
import dev.strata.ingest.MessageParser;
import dev.strata.ingest.Timestamps;
import dev.strata.model.Message;
import dev.strata.store.MessageLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * Validates one scanned message and makes it self-contained for storage. The bytes are kept as
 * sent; only fields Segment's servers also fill in are added when missing: the {@code type} a
 * single call implies, a {@code messageId} (so replays and retries stay idempotent) and, when the
 * message has no time of its own, {@code receivedAt} (so a replay reads the same instant).
 */
final class MessagePreparation {
    /** Longer ids are refused: they would only be abuse, and indexes on them have size limits. */
    static final int MAX_ID_LENGTH = 512;

    private MessagePreparation() {
    }

    /** A message refused, with the reason. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param implied the call of a single-message endpoint, or null inside a batch
     * @param now     the receiving instant, epoch millis
     */
    static Prepared prepare(byte[] body, ScannedMessage s, Call implied, long now) throws Refused {
        if (s.length() > Call.MESSAGE_LIMIT) {
            throw new Refused("message is " + s.length() + " bytes; the limit is 32 KB (" + Call.MESSAGE_LIMIT + " bytes)");
        }
        String type = s.type();
        if (type == null) {
            if (implied == null) throw new Refused("missing \"type\" (identify, track, page, screen, group or alias)");
            type = implied.wireName();
        } else if (implied != null && !type.equals(implied.wireName())) {
            throw new Refused("\"type\" is '" + clip(type) + "' but the message was sent to /v1/" + implied.wireName());
        }
        Call call = Call.ofType(type);
        if (call == null) throw new Refused("unknown \"type\" '" + clip(type) + "' (expected identify, track, page, screen, group or alias)");
        checkId("userId", s.userId());
        checkId("anonymousId", s.anonymousId());
        checkId("previousId", s.previousId());
        checkId("messageId", s.messageId());

        String messageId = s.messageId() != null && !s.messageId().isEmpty() ? s.messageId() : "strata-" + UUID.randomUUID();
        StringBuilder added = new StringBuilder();
        if (s.type() == null) field(added, "type", type);
        if (s.messageId() == null || s.messageId().isEmpty()) field(added, "messageId", messageId);
        if (s.timestamp() == null && s.receivedAt() == null) field(added, "receivedAt", Instant.ofEpochMilli(now).toString());
        byte[] json = withFields(body, s, added);

        if (call == Call.IDENTIFY || call == Call.TRACK) {
            Message m;
            try {
                m = MessageParser.parse(json, 0, json.length, now);
            } catch (InvalidMessageException e) {
                throw new Refused(e.getMessage());
            } catch (MessageParser.IgnoredTypeException e) {
                throw new IllegalStateException("MessageParser ignored a " + type + " call", e);
            }
            return new Prepared(s.index(), new MessageLog.Pending(m.userId(), messageId, m.timestamp(), type, utf8(json)), m);
        }
        String userKey = call == Call.ALIAS ? firstPresent(s.userId(), s.previousId()) : firstPresent(s.userId(), s.anonymousId());
        if (userKey == null) {
            throw new Refused(call == Call.ALIAS ? "alias message has neither \"userId\" nor \"previousId\""
                    : "message has neither \"userId\" nor \"anonymousId\"");
        }
        long timestamp;
        try {
            timestamp = s.timestamp() != null ? Timestamps.parse(s.timestamp())
                    : s.receivedAt() != null ? Timestamps.parse(s.receivedAt()) : now;
        } catch (DateTimeException e) {
            throw new Refused("invalid \"" + (s.timestamp() != null ? "timestamp" : "receivedAt") + "\": " + e.getMessage());
        }
        return new Prepared(s.index(), new MessageLog.Pending(userKey, messageId, timestamp, type, utf8(json)), null);
    }

    private static void checkId(String field, String value) throws Refused {
        if (value == null) return;
        if (value.length() > MAX_ID_LENGTH) {
            throw new Refused("\"" + field + "\" is " + value.length() + " characters long; the limit is " + MAX_ID_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) throw new Refused("\"" + field + "\" contains a control character");
            if (Character.isSurrogate(c)) {
                // a \\uD800 escape decodes to half a character, which no database stores as text
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) throw new Refused("\"" + field + "\" contains an unpaired surrogate (half a character)");
                i++;
            }
        }
    }

    private static String firstPresent(String a, String b) {
        if (a != null && !a.isEmpty()) return a;
        return b != null && !b.isEmpty() ? b : null;
    }

    /** Values added here are ids, types and instants: none needs escaping. */
    private static void field(StringBuilder sb, String name, String value) {
        if (sb.length() > 0) sb.append(',');
        sb.append('"').append(name).append("\":\"").append(value).append('"');
    }

    /** The message's bytes with the added fields right after its opening brace. */
    private static byte[] withFields(byte[] body, ScannedMessage s, StringBuilder added) {
        if (added.length() == 0) {
            byte[] out = new byte[s.length()];
            System.arraycopy(body, s.start(), out, 0, s.length());
            return out;
        }
        if (!s.empty()) added.append(',');
        byte[] insert = added.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + insert.length);
        out.write(body, s.start(), 1);
        out.write(insert, 0, insert.length);
        out.write(body, s.start() + 1, s.length() - 1);
        return out.toByteArray();
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
