package dev.strata.server.ingest;

import java.util.Locale;

/** The Segment-spec calls Strata accepts on /v1; {@link #BATCH} carries any mix of the others. */
public enum Call {
    IDENTIFY, TRACK, PAGE, SCREEN, GROUP, ALIAS, BATCH;

    public static final int MESSAGE_LIMIT = 32 * 1024;
    public static final int BATCH_LIMIT = 500 * 1024;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The largest body accepted for this call. */
    public int bodyLimit() {
        return this == BATCH ? BATCH_LIMIT : MESSAGE_LIMIT;
    }

    /** The single-message call named by a message's "type", or null for anything else. */
    public static Call ofType(String type) {
        if (type == null) return null;
        for (Call c : values()) if (c != BATCH && c.wireName().equals(type)) return c;
        return null;
    }
}
