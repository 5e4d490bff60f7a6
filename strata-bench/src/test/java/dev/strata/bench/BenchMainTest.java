package dev.strata.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The comparison's reporting around a stand-in for Strata, fed the hand-checked fixture (see
 * {@link DuckDbSemanticsTest} for how its member counts were derived).
 */
class BenchMainTest {

    /** Member counts of Q1..Q8 on the fixture, from DuckDbSemanticsTest's worked lists. */
    private static final Map<String, Long> FIXTURE_COUNTS = Map.of(
            "Q1", 5L, "Q2", 3L, "Q3", 4L, "Q4", 3L, "Q5", 2L, "Q6", 4L, "Q7", 2L, "Q8", 2L);
    private static final long FIXTURE_PROFILES = 62;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void agreeingCountsExitZeroAndWriteTheCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("result.csv");
        int status = run(new FixedStrata(FIXTURE_COUNTS, FIXTURE_PROFILES), "--out", csv.toString());

        assertThat(status).as(text(err)).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("query,strata_ms,duckdb_ms,strata_count,duckdb_count");
        for (int i = 1; i <= 8; i++) {
            String[] cells = lines.get(i).split(",");
            assertThat(cells[0]).isEqualTo("Q" + i);
            assertThat(Long.parseLong(cells[3])).isEqualTo(FIXTURE_COUNTS.get("Q" + i));
            assertThat(cells[4]).isEqualTo(cells[3]);
        }
        assertThat(text(out)).doesNotContain("MISMATCH").contains("strata_ms").contains("Q8");
    }

    @Test
    void aDisagreementIsReportedLoudlyWithANonZeroExit() throws Exception {
        Map<String, Long> wrong = new HashMap<>(FIXTURE_COUNTS);
        wrong.put("Q3", 5L);
        int status = run(new FixedStrata(wrong, FIXTURE_PROFILES));

        assertThat(status).isEqualTo(BenchMain.EXIT_MISMATCH);
        assertThat(text(out)).contains("MISMATCH Q3: strata 5, duckdb 4");
        assertThat(text(err)).contains("MISMATCH Q3");
    }

    @Test
    void helpDocumentsEveryOption() {
        StringBuilderWriter help = new StringBuilderWriter();
        CommandLine cl = BenchMain.commandLine(new BenchMain(new FixedStrata(FIXTURE_COUNTS, 0), System.out, System.err));
        cl.setOut(new java.io.PrintWriter(help, true));
        assertThat(cl.execute("--help")).isZero();
        for (String option : List.of("--profiles", "--events-per-profile", "--seed", "--data-dir", "--out",
                "--runs", "--warmup", "--duckdb-threads", "--help", "jmh")) {
            assertThat(help.toString()).contains(option);
        }
    }

    @Test
    void badNumbersAreUsageErrors() {
        CommandLine cl = BenchMain.commandLine(new BenchMain(new FixedStrata(FIXTURE_COUNTS, 0),
                new PrintStream(out), new PrintStream(err)));
        cl.setErr(new java.io.PrintWriter(err, true));
        assertThat(cl.execute("--profiles", "10", "--runs", "0")).isEqualTo(2);
        assertThat(text(err)).contains("--runs must be at least 1, got 0");
    }

    private int run(StrataSide strata, String... args) throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixture/population-small.ndjson").toURI());
        BenchMain main = new BenchMain(strata, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        new CommandLine(main).parseArgs(concat(new String[] {"--profiles", "1", "--runs", "3", "--warmup", "1"}, args));
        return main.compare(fixture, new Comparison(main.warmup, main.runs, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Answers each workload definition with a fixed count. */
    private record FixedStrata(Map<String, Long> countsById, long profiles) implements StrataSide {
        @Override
        public long loadMillis(Path file, Instant asOf) {
            return 0;
        }

        @Override
        public long count(String definition) {
            for (WorkloadQuery q : StandardWorkload.QUERIES) {
                if (q.definition().equals(definition)) {
                    return countsById.get(q.id());
                }
            }
            throw new IllegalArgumentException("not a workload definition: " + definition);
        }

        @Override
        public long residentBytes() {
            return 0;
        }

        @Override
        public long knownProfiles() {
            return profiles;
        }
    }

    private static final class StringBuilderWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] buf, int off, int len) {
            sb.append(buf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
