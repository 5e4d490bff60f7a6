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
 * {@code import ndjson} and {@code /v1/batch} ({@link LinePreparation}), in group-committed batches.
 */
final class StoreDestination implements MessageDestination {
    private static final int BATCH = 10_000;
    private static final int IN_FLIGHT = 4;
    private static final int MAX_REPORTED = 100;

    private final Store store;
    private final MessageLog log;
    private final PrintWriter err;
    private final Deque<CompletableFuture<List<MessageLog.Appended>>> inFlight = new ArrayDeque<>();
    private List<MessageLog.Pending> batch = new ArrayList<>(BATCH);
    private long stored;
    private long duplicates;
    private long refused;

    StoreDestination(String database, Path dataDir, PrintWriter err) {
        this.store = Stores.open(database, dataDir);
        this.log = store.messages();
        this.err = err;
    }

    @Override
    public void accept(String line) {
        try {
            batch.add(LinePreparation.prepare(line, System.currentTimeMillis()));
        } catch (LinePreparation.RefusedLine e) {
            refused++;
            if (refused <= MAX_REPORTED) err.println("refused " + line.substring(0, Math.min(120, line.length())) + "…: " + e.getMessage());
            return;
        }
        if (batch.size() == BATCH) submit();
    }

    private void submit() {
        if (inFlight.size() >= IN_FLIGHT) count(inFlight.poll().join());
        inFlight.add(log.append(batch));
        batch = new ArrayList<>(BATCH);
    }

    private void count(List<MessageLog.Appended> answers) {
        for (MessageLog.Appended a : answers) {
            if (a.outcome() == MessageLog.Outcome.STORED) stored++;
            else if (a.outcome() == MessageLog.Outcome.DUPLICATE) duplicates++;
            else refused++;
        }
    }

    @Override
    public void finish() {
        if (!batch.isEmpty()) submit();
        while (!inFlight.isEmpty()) count(inFlight.poll().join());
    }

    @Override public long stored() { return stored; }
    @Override public long duplicates() { return duplicates; }
    @Override public long refused() { return refused; }

    @Override
    public void close() {
        store.close();
    }
}
