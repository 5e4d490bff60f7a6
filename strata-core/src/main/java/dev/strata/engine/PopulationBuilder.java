package dev.strata.engine;

import dev.strata.model.Message;

/**
 * Accepts messages in read order and builds a {@link Population} as of an instant. Applies the
 * spec's data rules: messageId deduplication (first read wins), messages after the instant
 * ignored, latest-identify-per-trait-key with ties to the later read, context from the latest
 * message that carried one.
 */
public final class PopulationBuilder {
    public PopulationBuilder(long asOfMillis) {
    }

    /** Adds one message; returns false when it was dropped as a duplicate or as after the instant. */
    public boolean accept(Message message) {
        throw new UnsupportedOperationException("not yet");
    }

    public Population build() {
        throw new UnsupportedOperationException("not yet");
    }
}
