package dev.strata.cli;

import dev.strata.ingest.NdjsonLoader;
import java.io.PrintWriter;

/** Load progress and skipped-line reports on stderr. */
final class Progress implements NdjsonLoader.Listener {
    private static final int MAX_REPORTED = 100;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long problems;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void problem(NdjsonLoader.Problem problem) {
        problems++;
        if (problems <= MAX_REPORTED) err.println("skipped " + problem);
        else if (problems == MAX_REPORTED + 1) err.println("(further skipped lines are counted but not listed)");
        err.flush();
    }

    @Override
    public void progress(long lines, long bytes) {
        double secs = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        err.printf("read %,d lines (%,.1f MB) in %.1f s: %,.0f lines/s%n", lines, bytes / 1e6, secs, lines / secs);
        err.flush();
    }

    long problems() {
        return problems;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
