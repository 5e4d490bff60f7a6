package dev.strata.cli;

import dev.strata.server.ingest.LinePreparation;
import dev.strata.store.MessageLog;
import dev.strata.store.Store;
import dev.strata.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stores messages in a data directory (or PostgreSQL) with the one-line ingestion rules of
 * {@code import ndjson} and {@code /v1/batch} ({@link LinePreparation}), in group-committed
 * batches, a few in flight. {@code import fhir} hands it JSON lines; {@code import csv} and
 * {@code import ndjson} prepare theirs (to name a refused one by file and line) and append them.
 */
final class StoreDestination implements MessageDestination {
    static final int BATCH = 10_000;
    private static final int IN_FLIGHT = 4;
    private static final int MAX_REPORTED = 100;

    private final Store store;
    private final MessageLog log;
    private final PrintWriter err;
    private final long now;
    private final Deque<CompletableFuture<List<MessageLog.Appended>>> inFlight = new ArrayDeque<>();
    private List<MessageLog.Pending> batch = new ArrayList<>(BATCH);
    private long stored;
    private long duplicates;
    private long erased;
    private long refusedLines;
    private int batches;

    /** @param now the receiving instant of every message (for those without a time of their own), epoch millis */
    StoreDestination(String database, Path dataDir, PrintWriter err, long now) {
        this.store = Stores.open(database, dataDir);
        this.log = store.messages();
        this.err = err;
        this.now = now;
    }

    long now() {
        return now;
    }

    @Override
    public void accept(String line) {
        MessageLog.Pending p;
        try {
            p = LinePreparation.prepare(line, now);
        } catch (LinePreparation.RefusedLine e) {
            refusedLines++;
            if (refusedLines <= MAX_REPORTED) err.println("refused " + line.substring(0, Math.min(120, line.length())) + "…: " + e.getMessage());
            return;
        }
        append(p);
    }

    /** A message already prepared by {@link LinePreparation}. */
    void append(MessageLog.Pending p) {
        batch.add(p);
        if (batch.size() == BATCH) submit();
    }

    private void submit() {
        if (inFlight.size() >= IN_FLIGHT) count(inFlight.poll().join());
        inFlight.add(log.append(batch));
        batches++;
        batch = new ArrayList<>(BATCH);
    }

    private void count(List<MessageLog.Appended> answers) {
        for (MessageLog.Appended a : answers) {
            if (a.outcome() == MessageLog.Outcome.STORED) stored++;
            else if (a.outcome() == MessageLog.Outcome.DUPLICATE) duplicates++;
            else erased++;
        }
    }

    @Override
    public void finish() {
        if (!batch.isEmpty()) submit();
        while (!inFlight.isEmpty()) count(inFlight.poll().join());
    }

    @Override public long stored() { return stored; }
    @Override public long duplicates() { return duplicates; }

    /** Refused lines and messages for erased users. */
    @Override public long refused() { return refusedLines + erased; }

    /** Messages refused because their user was erased (a tombstone). */
    long erased() { return erased; }

    /** Batches handed to the store so far. */
    int batches() { return batches; }

    @Override
    public void close() {
        store.close();
    }
}
