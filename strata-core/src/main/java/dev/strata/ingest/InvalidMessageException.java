package dev.strata.ingest;

/** A line or request body that is not a valid message, with the reason in words a user can act on. */
public final class InvalidMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String reason) {
        super(reason, null, false, false);
    }
}
