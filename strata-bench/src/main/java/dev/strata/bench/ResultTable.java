package dev.strata.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The comparison's output: an aligned table for people and a CSV file for scripts. */
final class ResultTable {

    static final String CSV_HEADER = "query,strata_ms,duckdb_ms,strata_count,duckdb_count";

    private ResultTable() {
    }

    static void print(List<QueryResult> results, PrintStream out) {
        out.printf(Locale.ROOT, "%-5s %12s %12s %10s %13s %13s%n",
                "query", "strata_ms", "duckdb_ms", "ratio", "strata_count", "duckdb_count");
        for (QueryResult r : results) {
            out.printf(Locale.ROOT, "%-5s %12.3f %12.3f %9.1fx %13d %13d%s%n",
                    r.id(), r.strataMs(), r.duckdbMs(), r.ratio(), r.strataCount(), r.duckdbCount(),
                    r.countsAgree() ? "" : "  MISMATCH");
        }
        out.println("ratio = duckdb_ms / strata_ms; medians of the timed runs, member counts only");
    }

    static void writeCsv(List<QueryResult> results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (QueryResult r : results) {
            sb.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%d,%d%n",
                    r.id(), r.strataMs(), r.duckdbMs(), r.strataCount(), r.duckdbCount()));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
