package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval command end to end: files in, CSV and stderr reports out, exit codes. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path input() throws IOException {
        Path f = dir.resolve("in.ndjson");
        Files.writeString(f, String.join("\n",
                "{\"type\":\"identify\",\"userId\":\"b\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"state\":\"CA\"}}",
                "{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"state\":\"CA\"}}",
                "this is not json",
                "{\"type\":\"track\",\"userId\":\"a\",\"timestamp\":\"2025-05-01T00:00:00Z\"}",
                "",
                "{\"type\":\"identify\",\"userId\":\"c, \\\"quoted\\\"\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"state\":\"OR\"}}",
                "{\"type\":\"track\",\"userId\":\"a\",\"event\":\"App Open\",\"timestamp\":\"2025-05-01T00:00:00Z\"}",
                "{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2025-05-01T00:00:00Z\"}",
                "{\"type\":\"track\",\"userId\":\"a\",\"event\":\"App Open\",\"timestamp\":\"not a time\"}"));
        return f;
    }

    @Test
    void writesSortedMembersAndReportsSkippedLines() throws IOException {
        Path in = input();
        Path segs = dir.resolve("segs.tsv");
        Files.writeString(segs, "# comment\n\nwest\tstate in (\"CA\", \"OR\")\nactive CA\tin segment \"west\" and did \"App Open\"\n");
        Run r = run("eval", "--input", in.toString(), "--as-of", "2025-06-01", "--segments", segs.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("segment,user_id\nactive CA,a\nwest,a\nwest,b\nwest,\"c, \"\"quoted\"\"\"\n");
        assertThat(r.err()).contains(in + ":3: not valid JSON")
                .contains(in + ":4: track message without \"event\" name")
                .contains(in + ":9: invalid \"timestamp\"")
                .contains("skipped 3 invalid lines, ignored 1 page/screen/group/alias calls");
    }

    @Test
    void countsWithGzipInput() throws IOException {
        Path in = input();
        Path gz = dir.resolve("in.ndjson.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(in));
        }
        Run r = run("eval", "--input", gz.toString(), "--as-of", "2025-06-01T00:00:00Z", "--segment", "state = \"CA\"", "--count");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("segment,size\nsegment,2\n");
    }

    @Test
    void strictStopsAtTheFirstInvalidLine() throws IOException {
        Path out = dir.resolve("out.csv");
        Run r = run("eval", "--input", input().toString(), "--as-of", "2025-06-01", "--segment", "true", "--strict", "--output", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(":3: not valid JSON").contains("--strict");
        assertThat(out).doesNotExist();
    }

    @Test
    void invalidDefinitionsAreReportedWithPositionAndNothingIsWritten() throws IOException {
        Path segs = dir.resolve("bad.tsv");
        Files.writeString(segs, "ok\tstate = \"CA\"\nbroken\tstate = \nunknown ref\tin segment \"nope\"\nlater\tin segment \"after\"\nafter\ttrue\n");
        Path out = dir.resolve("out.csv");
        Run r = run("eval", "--input", input().toString(), "--as-of", "2025-06-01", "--segments", segs.toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(segs + ":2:15: segment \"broken\": expected a value")
                .contains(segs + ":3:24: segment \"unknown ref\": unknown segment \"nope\"")
                .contains(segs + ":4:18: segment \"later\": unknown segment \"after\"");
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badAsOfIsAUsageError() throws IOException {
        Run r = run("eval", "--input", input().toString(), "--as-of", "yesterday", "--segment", "true");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'yesterday' is not an instant");
    }

    @Test
    void helpDocumentsEveryOption() {
        Run r = run("eval", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--input", "--as-of", "--segments", "--segment", "--output", "--count", "--strict");
    }

}
