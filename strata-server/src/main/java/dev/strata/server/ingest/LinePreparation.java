package dev.strata.server.ingest;

import dev.strata.store.MessageLog;

/**
 * The ingestion rules for one message read from a file (an NDJSON line) instead of a request: the
 * same checks, limits and added fields as a message of {@code /v1/batch}, so imported and sent
 * messages are stored alike.
 */
public final class LinePreparation {
    private LinePreparation() {
    }

    /** A line that is not a message Strata stores: the reason says what and why. */
    public static final class RefusedLine extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedLine(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @param now the receiving instant, epoch millis (used when the message has no timestamp) */
    public static MessageLog.Pending prepare(String line, long now) throws RefusedLine {
        return prepared(line, now).pending();
    }

    /** As {@link #prepare}, keeping the parsed message the engine applies once it is stored. */
    static Prepared prepared(String line, long now) throws RefusedLine {
        byte[] body = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return MessagePreparation.prepare(body, BodyScanner.single(body), null, now);
        } catch (BodyScanner.BodyException e) {
            throw new RefusedLine(e.getMessage());
        } catch (MessagePreparation.Refused e) {
            throw new RefusedLine(e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw new RefusedLine("malformed JSON: " + e.getOriginalMessage());
        }
    }
}
