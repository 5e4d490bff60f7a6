package dev.strata.server.ingest;

import dev.strata.server.ops.StrataMetrics;
import dev.strata.server.web.ApiException;
import dev.strata.store.MessageLog;
import dev.strata.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The messages of one import (CSV rows, FHIR resources) into the {@link IngestPipeline}: each
 * prepared by the one-line rules of {@link LinePreparation}, so imported and sent messages are
 * stored alike, then submitted in batches, each awaited before the next so a store failure stops
 * the import with what came before kept. Idempotent as {@code /v1/batch} is: a message's
 * messageId decides whether it is stored again. Counted in {@code strata.ingest.messages} as sent
 * messages are.
 */
public final class ImportBatches {
    static final int DEFAULT_BATCH = 2_000;

    /** What the store made of the messages added. */
    public record Totals(long stored, long duplicates, long erased, int batches) {
    }

    private final IngestPipeline pipeline;
    private final StrataMetrics metrics;
    private final int batchSize;
    private final long now;
    private final String what;
    private final Consumer<String> erasedUser;
    private List<Prepared> batch;
    private long stored;
    private long duplicates;
    private long erased;
    private int batches;

    /**
     * @param what       what the caller imports ("rows", "messages"), to name in a failure
     * @param erasedUser told the user key of each message refused because its user was erased
     */
    public ImportBatches(IngestPipeline pipeline, StrataMetrics metrics, String what, Consumer<String> erasedUser) {
        this(pipeline, metrics, DEFAULT_BATCH, what, erasedUser);
    }

    ImportBatches(IngestPipeline pipeline, StrataMetrics metrics, int batchSize, String what, Consumer<String> erasedUser) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.now = System.currentTimeMillis();
        this.what = what;
        this.erasedUser = erasedUser;
        this.batch = new ArrayList<>(batchSize);
    }

    /** The receiving instant of every message of this import (for those without a time of their own). */
    public long now() {
        return now;
    }

    /**
     * Prepares one message (a JSON object) and queues it; a full batch is stored and applied before this returns.
     *
     * @throws LinePreparation.RefusedLine when the ingestion rules refuse it: nothing is queued
     */
    public void add(String json) throws LinePreparation.RefusedLine {
        Prepared p;
        try {
            p = LinePreparation.prepared(json, now);
        } catch (LinePreparation.RefusedLine e) {
            metrics.messages("invalid", 1);
            throw e;
        }
        add(p);
    }

    void add(Prepared p) {
        batch.add(p);
        if (batch.size() == batchSize) flush();
    }

    /** Stores what is queued and answers the totals. */
    public Totals finish() {
        flush();
        return new Totals(stored, duplicates, erased, batches);
    }

    private void flush() {
        if (batch.isEmpty()) return;
        List<Prepared> sent = batch;
        batch = new ArrayList<>(batchSize);
        List<MessageLog.Appended> outcomes = await(sent);
        batches++;
        int newlyStored = 0, newDuplicates = 0, newlyErased = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            MessageLog.Outcome o = outcomes.get(i).outcome();
            if (o == MessageLog.Outcome.STORED) newlyStored++;
            else if (o == MessageLog.Outcome.DUPLICATE) newDuplicates++;
            else {
                newlyErased++;
                erasedUser.accept(sent.get(i).pending().userKey());
            }
        }
        stored += newlyStored;
        duplicates += newDuplicates;
        erased += newlyErased;
        metrics.messages("stored", newlyStored);
        metrics.messages("duplicate", newDuplicates);
        metrics.messages("erased", newlyErased);
    }

    private List<MessageLog.Appended> await(List<Prepared> sent) {
        try {
            return pipeline.submit(sent).get(IngestService.COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) throw ApiException.unavailable(what + " not stored: " + se.getMessage() + "; importing it again is safe");
            // the store refuses, before queueing, a message no database could hold
            if (cause instanceof IllegalArgumentException ia) throw ApiException.badRequest(what + " not stored: " + ia.getMessage());
            throw ApiException.unavailable(what + " not stored: " + cause);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the store did not confirm within " + IngestService.COMMIT_WAIT_SECONDS
                    + " s; importing it again is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for the store; importing it again is safe");
        }
    }
}
