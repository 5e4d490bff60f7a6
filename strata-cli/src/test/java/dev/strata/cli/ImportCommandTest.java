package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.store.Store;
import dev.strata.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest extends CommandTestBase {
    @TempDir
    Path dir;


    @Test
    void stores_valid_lines_reports_bad_ones_by_file_and_line_and_is_idempotent() throws Exception {
        Path file = dir.resolve("in.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"type\":\"identify\",\"userId\":\"u1\",\"messageId\":\"m1\",\"timestamp\":\"2026-10-01T00:00:00Z\",\"traits\":{\"plan\":\"medicare\"}}",
                "{\"type\":\"track\",\"userId\":\"u1\",\"messageId\":\"m2\",\"timestamp\":\"2026-10-02T00:00:00Z\",\"event\":\"App Open\"}",
                "{\"type\":\"track\",\"userId\":\"u1\",\"messageId\":\"m2\",\"timestamp\":\"2026-10-02T00:00:00Z\",\"event\":\"App Open\"}",
                "{\"type\":\"track\",\"userId\":\"u2\",\"timestamp\":\"2026-10-02T00:00:00Z\"}",
                "not json",
                "{\"type\":\"page\",\"userId\":\"u2\",\"messageId\":\"m5\",\"timestamp\":\"2026-10-03T00:00:00Z\",\"name\":\"Home\"}",
                ""));
        Path data = dir.resolve("data");

        assertThat(run("import", "ndjson", "--data-dir", data.toString(), file.toString())).isEqualTo(1);
        assertThat(out).contains("stored 3 messages").contains("1 duplicates").contains("2 skipped lines");
        assertThat(err).contains(file + ":4: ").contains(file + ":5: ");
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(3);
            assertThat(store.messages().messagesOf("u1")).hasSize(2);
        }

        assertThat(run("import", "ndjson", "--data-dir", data.toString(), file.toString())).isEqualTo(1);
        assertThat(out).contains("stored 0 messages").contains("4 duplicates");
        try (Store store = Stores.open(null, data)) {
            assertThat(store.messages().count()).isEqualTo(3);
            store.messages().erase("u1");
        }

        Path later = dir.resolve("later.ndjson");
        Files.writeString(later, "{\"type\":\"track\",\"userId\":\"u1\",\"messageId\":\"m9\",\"event\":\"App Open\"}\n"
                + "{\"type\":\"track\",\"userId\":\"u3\",\"messageId\":\"m10\",\"event\":\"App Open\"}\n");
        assertThat(run("import", "ndjson", "--data-dir", data.toString(), later.toString())).isZero();
        assertThat(out).contains("stored 1 messages").contains("0 duplicates, 1 refused for erased users, 0 skipped lines");
    }
}
