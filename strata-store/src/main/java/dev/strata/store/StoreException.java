package dev.strata.store;

/**
 * The store could not do what was asked (disk full, database unreachable, constraint broken).
 * The message is meant for the caller's error answer: what failed and why, no stack trace.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
