package dev.strata.ingest.csv;

/** A mapping file that cannot be used; the message names the file and the bad field. */
public final class InvalidMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidMappingException(String message) {
        super(message);
    }
}
