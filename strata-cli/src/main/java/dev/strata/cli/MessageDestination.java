package dev.strata.cli;

/** Where {@code strata import fhir} sends its messages: one JSON line each, then {@link #finish()}. */
interface MessageDestination extends AutoCloseable {
    void accept(String line) throws Exception;

    /** Waits until everything sent is stored (or refused). */
    void finish() throws Exception;

    long stored();

    long duplicates();

    /** Messages refused (erased users, failed checks), with reasons already printed. */
    long refused();

    @Override
    default void close() throws Exception {
    }
}
