package dev.strata.ingest.csv;

/** A row that was not imported, at the physical line where its record starts. */
public record CsvProblem(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
