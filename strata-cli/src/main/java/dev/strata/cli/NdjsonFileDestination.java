package dev.strata.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the messages as NDJSON (for {@code strata eval --input} or {@code import ndjson} later) instead of storing them. */
final class NdjsonFileDestination implements MessageDestination {
    private final BufferedWriter out;
    private long written;

    NdjsonFileDestination(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(String line) throws IOException {
        out.write(line);
        out.write('\n');
        written++;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override public long stored() { return written; }
    @Override public long duplicates() { return 0; }
    @Override public long refused() { return 0; }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
