package dev.strata.server.ingest;

import java.util.List;

/**
 * The answer to a /v1 call: Segment's {@code {"success": true}} plus what became of each message.
 *
 * @param stored     messages made durable by this call
 * @param duplicates messages whose messageId was stored before (accepted, not stored again)
 * @param rejected   messages refused, by their index in the batch (0 for a single call), with the reason
 */
public record IngestAnswer(boolean success, int stored, int duplicates, List<Rejection> rejected) {

    public record Rejection(int index, String reason) {
    }
}
