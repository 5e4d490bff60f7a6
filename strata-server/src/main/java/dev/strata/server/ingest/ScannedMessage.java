package dev.strata.server.ingest;

/**
 * Where one message sits in a request body and the top-level fields ingestion needs before the
 * full parse: whether to add a type, a messageId or a receivedAt, and under which user to file a
 * call the engine does not evaluate. A field holding an object or array reads as null here; the
 * full parse reports it.
 *
 * @param start byte offset of the message's opening brace
 * @param end   byte offset just after its closing brace
 * @param empty the object has no fields at all
 */
record ScannedMessage(int index, int start, int end, boolean empty, String type, String userId, String anonymousId,
                      String previousId, String messageId, String timestamp, String receivedAt) {
    int length() {
        return end - start;
    }
}
