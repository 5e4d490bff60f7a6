package dev.strata.model;

import dev.strata.json.Json;
import java.util.Objects;

/**
 * One validated Segment-spec message.
 *
 * @param userId     the identity: {@code userId}, or {@code anonymousId} when there is none
 * @param messageId  idempotency key, or null when the message carried none
 * @param timestamp  epoch milliseconds (Strata keeps time to the millisecond)
 * @param event      the event name of a track call; null for identify
 * @param traits     the identify call's traits; empty for track
 * @param properties the track call's properties; empty for identify
 * @param context    the message's context object, or null when it carried none
 */
public record Message(
        MessageType type,
        String userId,
        String messageId,
        long timestamp,
        String event,
        Json.Obj traits,
        Json.Obj properties,
        Json.Obj context) {

    public Message {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("userId must not be empty");
        }
        if (type == MessageType.TRACK && (event == null || event.isEmpty())) {
            throw new IllegalArgumentException("a track message needs an event name");
        }
        traits = traits == null ? Json.Obj.EMPTY : traits;
        properties = properties == null ? Json.Obj.EMPTY : properties;
    }

    public static Message identify(String userId, String messageId, long timestamp, Json.Obj traits, Json.Obj context) {
        return new Message(MessageType.IDENTIFY, userId, messageId, timestamp, null, traits, null, context);
    }

    public static Message track(String userId, String messageId, long timestamp, String event, Json.Obj properties, Json.Obj context) {
        return new Message(MessageType.TRACK, userId, messageId, timestamp, event, null, properties, context);
    }
}
