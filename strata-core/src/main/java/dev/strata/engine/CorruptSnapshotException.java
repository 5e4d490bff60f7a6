package dev.strata.engine;

import java.io.IOException;

/**
 * A snapshot file that cannot be trusted: not a snapshot, another format version, truncated, or
 * failing its checksum. The caller rebuilds from the store instead.
 */
public final class CorruptSnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptSnapshotException(String message) {
        super(message);
    }

    public CorruptSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
