package dev.strata.ingest;

/** Placeholder: NDJSON reading lands with the engine. */
final class MessageReader {
    private MessageReader() {
    }
}
