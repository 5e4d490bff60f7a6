package dev.strata.store;

/**
 * One message as stored.
 *
 * @param seq       position in the log, increasing in commit order
 * @param userKey   the identity the engine files it under (userId, else anonymousId)
 * @param messageId the message's idempotency key, or null
 * @param timestamp epoch millis of the message's own timestamp
 * @param type      "identify" or "track"
 * @param json      the message as received, one JSON object
 */
public record StoredMessage(long seq, String userKey, String messageId, long timestamp, String type, String json) {
}
