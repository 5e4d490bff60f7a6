package dev.strata.server.ingest;

import dev.strata.live.LiveEngine;
import dev.strata.live.MembershipChange;
import dev.strata.model.Message;
import dev.strata.server.live.ChangeDispatcher;
import dev.strata.server.ops.StrataMetrics;
import dev.strata.store.MessageLog;
import dev.strata.store.MessageLog.Appended;
import dev.strata.store.Store;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The path from validated messages to the engine: store first (group-committed with every other
 * caller's messages), then apply what was stored, in the order it was stored.
 *
 * <p>Ordering: each submission takes a ticket in the same critical section in which it hands its
 * messages to the store, so tickets follow the order in which the store receives them and
 * assigns seqs. Commits may complete in any order on any thread; a single applier thread applies
 * each submission only when every earlier ticket has been applied (or has failed). Erasures take
 * a ticket too, so the engine forgets a profile exactly between the messages stored before the
 * erasure and the ones refused after it.
 */
@Component
public class IngestPipeline {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    /** An erasure's outcome: messages deleted from the store, and the exits it caused. */
    public record Erasure(int deletedMessages, List<MembershipChange> changes) {
    }

    private final MessageLog messages;
    private final LiveEngine engine;
    private final ChangeDispatcher dispatcher;
    private final StrataMetrics metrics;

    private final Object submitLock = new Object();
    private long nextTicket;                                  // guarded by submitLock
    private final ExecutorService applier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "strata-applier");
        t.setDaemon(true);
        return t;
    });
    private long nextToApply;                                 // applier thread only
    private long lastAppliedSeq;                              // applier thread only
    private final Map<Long, Runnable> arrived = new HashMap<>(); // applier thread only

    public IngestPipeline(Store store, LiveEngine engine, ChangeDispatcher dispatcher, StrataMetrics metrics) {
        this.messages = store.messages();
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.lastAppliedSeq = messages.lastSeq();
    }

    /**
     * Stores the messages and then applies the stored ones. The future completes once both are done,
     * with the store's outcome per message; it fails (with the store's exception) when nothing could
     * be made durable.
     */
    public CompletableFuture<List<Appended>> submit(List<Prepared> batch) {
        List<MessageLog.Pending> pending = new ArrayList<>(batch.size());
        for (Prepared p : batch) pending.add(p.pending());
        CompletableFuture<List<Appended>> done = new CompletableFuture<>();
        long t0 = System.nanoTime();
        synchronized (submitLock) {
            long ticket = nextTicket++;
            CompletableFuture<List<Appended>> stored;
            try {
                stored = messages.append(pending);
            } catch (RuntimeException e) {
                stored = CompletableFuture.failedFuture(e);
            }
            stored.whenCompleteAsync((result, error) -> arrive(ticket, () -> applyStored(batch, result, error, t0, done)), applier);
        }
        return done;
    }

    /**
     * Erases a user from the store (tombstone included) now, then from the engine in its turn, then
     * from the change log; the future completes when all three are done.
     */
    public CompletableFuture<Erasure> erase(String userKey) {
        CompletableFuture<Erasure> done = new CompletableFuture<>();
        synchronized (submitLock) {
            long ticket = nextTicket++;
            int deleted;
            try {
                deleted = messages.erase(userKey);
            } catch (RuntimeException e) {
                applier.execute(() -> arrive(ticket, () -> { }));
                throw e;
            }
            applier.execute(() -> arrive(ticket, () -> {
                try {
                    List<MembershipChange> changes = engine.erase(userKey);
                    dispatcher.erased(userKey, changes).whenComplete((v, e) -> {
                        if (e == null) done.complete(new Erasure(deleted, changes));
                        else done.completeExceptionally(e);
                    });
                } catch (RuntimeException e) {
                    log.error("the engine failed to erase user '{}' (the store has erased it)", userKey, e);
                    done.completeExceptionally(e);
                }
            }));
        }
        return done;
    }

    private void arrive(long ticket, Runnable work) {
        arrived.put(ticket, work);
        Runnable next;
        while ((next = arrived.remove(nextToApply)) != null) {
            nextToApply++;
            next.run();
        }
    }

    private void applyStored(List<Prepared> batch, List<Appended> result, Throwable error, long t0,
                             CompletableFuture<List<Appended>> done) {
        if (error != null) {
            done.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            return;
        }
        metrics.commit(System.nanoTime() - t0);
        record Applied(long seq, Message message) {
        }
        List<Applied> stored = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            Appended a = result.get(i);
            if (a.outcome() == MessageLog.Outcome.STORED && batch.get(i).message() != null) {
                stored.add(new Applied(a.seq(), batch.get(i).message()));
            }
        }
        stored.sort(Comparator.comparingLong(Applied::seq));
        if (!stored.isEmpty()) {
            if (stored.get(0).seq() <= lastAppliedSeq) {
                metrics.failure("apply-order");
                log.warn("seq {} applied after seq {}: the store assigned seqs out of submission order",
                        stored.get(0).seq(), lastAppliedSeq);
            }
            lastAppliedSeq = Math.max(lastAppliedSeq, stored.get(stored.size() - 1).seq());
            List<Message> toApply = new ArrayList<>(stored.size());
            for (Applied a : stored) toApply.add(a.message());
            long a0 = System.nanoTime();
            try {
                dispatcher.publish(engine.apply(toApply));
            } catch (RuntimeException e) {
                // The messages are durable; the engine will hold them after the next restart.
                metrics.failure("apply");
                log.error("the engine failed to apply {} stored messages (seq {}..{})", toApply.size(),
                        stored.get(0).seq(), stored.get(stored.size() - 1).seq(), e);
            }
            metrics.apply(System.nanoTime() - a0);
        }
        done.complete(result);
    }

    /** Lets submissions already handed to the store finish applying. */
    @PreDestroy
    public void close() throws InterruptedException {
        applier.shutdown();
        if (!applier.awaitTermination(30, TimeUnit.SECONDS)) log.warn("the applier did not finish within 30 s");
    }
}
