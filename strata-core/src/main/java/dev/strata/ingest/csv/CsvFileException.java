package dev.strata.ingest.csv;

/** A CSV file none of whose rows can be read with the mapping (a missing column, a bad header). */
public final class CsvFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public CsvFileException(String message) {
        super(message);
    }
}
