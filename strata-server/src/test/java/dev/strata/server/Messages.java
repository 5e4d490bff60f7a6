package dev.strata.server;

import java.time.Instant;

/** Segment-spec messages as SDKs send them, for the tests. */
public final class Messages {
    private Messages() {
    }

    public static String track(String userId, String event, String messageId, Instant at) {
        return "{\"type\":\"track\",\"userId\":\"" + userId + "\",\"event\":\"" + event + "\",\"messageId\":\"" + messageId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"n\":1}}";
    }

    public static String identify(String userId, String messageId, String traitsJson) {
        return "{\"type\":\"identify\",\"userId\":\"" + userId + "\",\"messageId\":\"" + messageId
                + "\",\"timestamp\":\"" + Instant.now() + "\",\"traits\":" + traitsJson + "}";
    }

    public static String batch(String... messages) {
        return "{\"batch\":[" + String.join(",", messages) + "]}";
    }
}
