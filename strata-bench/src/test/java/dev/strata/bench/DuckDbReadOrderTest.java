package dev.strata.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "First read wins" needs DuckDB's rowid to follow the file even when its JSON reader splits a
 * large file across threads. A file big enough to be read in several chunks, whose second half
 * repeats the first half's messageIds under another event name, must keep only the first half.
 */
class DuckDbReadOrderTest {

    private static final int MESSAGES = 150_000;

    @Test
    void deduplicationKeepsTheCopyReadFirstAcrossParallelChunks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("order.ndjson");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeHalf(w, "Medication Refill");
            writeHalf(w, "Doctor Visit");
        }
        try (DuckDbSide duck = new DuckDbSide(2)) {
            duck.load(file, StandardWorkload.AS_OF);
            assertThat(duck.scalar("SELECT count(*) FROM events WHERE event = 'Medication Refill'")).isEqualTo(MESSAGES);
            assertThat(duck.scalar("SELECT count(*) FROM events WHERE event = 'Doctor Visit'")).isZero();
        }
    }

    private static void writeHalf(BufferedWriter w, String event) throws IOException {
        for (int i = 0; i < MESSAGES; i++) {
            // padding makes each half tens of megabytes, several of DuckDB's read chunks
            w.write("{\"type\":\"track\",\"userId\":\"p-" + (i % 5000) + "\",\"event\":\"" + event
                    + "\",\"properties\":{\"note\":\"" + "x".repeat(200) + "\"},"
                    + "\"timestamp\":\"2026-10-01T08:00:00Z\",\"messageId\":\"m-" + i + "\"}\n");
        }
    }
}
