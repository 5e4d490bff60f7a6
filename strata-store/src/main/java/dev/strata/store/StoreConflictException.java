package dev.strata.store;

/** A write broke a uniqueness rule: the id, name or secret is already taken. */
public class StoreConflictException extends StoreException {
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreConflictException(String message) {
        super(message);
    }
}
