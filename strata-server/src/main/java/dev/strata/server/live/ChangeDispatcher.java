package dev.strata.server.live;

import dev.strata.live.MembershipChange;
import dev.strata.server.ops.StrataMetrics;
import dev.strata.store.ChangeLog;
import dev.strata.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries the engine's membership changes off the ingestion path: records them in the change log,
 * then tells the listeners (SSE, webhooks). One thread, so every listener sees changes in the
 * order the engine produced them; batches waiting together are recorded in one store call.
 */
@Component
public class ChangeDispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChangeDispatcher.class);
    /** One unit of work, in engine order: changes to record and tell, or a user to forget. */
    private record Work(List<MembershipChange> changes, String erasedUser, CompletableFuture<Void> done) {
    }

    private static final Work STOP = new Work(List.of(), null, null);

    private final ChangeLog changeLog;
    private final List<ChangeListener> listeners;
    private final StrataMetrics metrics;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private volatile Thread worker;

    public ChangeDispatcher(Store store, List<ChangeListener> listeners, StrataMetrics metrics) {
        this.changeLog = store.changes();
        this.listeners = listeners;
        this.metrics = metrics;
    }

    /** Queues changes for recording and delivery; returns at once. */
    public void publish(List<MembershipChange> changes) {
        if (changes == null || changes.isEmpty()) return;
        metrics.changes(changes);
        queue.add(new Work(List.copyOf(changes), null, null));
    }

    /**
     * An erased user's exits: told to the listeners (so receivers drop the user too) but not
     * recorded, and then every recorded change of the user is deleted, after any still queued.
     * The future completes once the change log no longer holds the user.
     */
    public CompletableFuture<Void> erased(String userKey, List<MembershipChange> exits) {
        metrics.changes(exits);
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Work(List.copyOf(exits), userKey, done));
        if (worker == null) done.completeExceptionally(new IllegalStateException("the change dispatcher is stopped"));
        return done;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "strata-changes");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** Delivers what is queued, then stops. */
    @Override
    public void stop() {
        Thread t = worker;
        if (t == null) return;
        queue.add(STOP);
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Stops after the web server finished its in-flight requests, whose changes it still records. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run() {
        List<Work> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 256);
            List<MembershipChange> pending = new ArrayList<>();
            for (Work w : batch) {
                if (w == STOP) {
                    deliver(pending, true);
                    return;
                }
                if (w.erasedUser() == null) {
                    pending.addAll(w.changes());
                    continue;
                }
                deliver(pending, true);
                pending = new ArrayList<>();
                deliver(w.changes(), false);
                try {
                    changeLog.deleteUser(w.erasedUser());
                    w.done().complete(null);
                } catch (RuntimeException e) {
                    metrics.failure("change-log");
                    w.done().completeExceptionally(e);
                }
            }
            deliver(pending, true);
            batch.clear();
        }
    }

    private void deliver(List<MembershipChange> changes, boolean record) {
        if (changes.isEmpty()) return;
        if (record) {
            List<ChangeLog.Change> records = new ArrayList<>(changes.size());
            for (MembershipChange c : changes) records.add(new ChangeLog.Change(0, c.segmentId(), c.userKey(), c.entered(), c.at()));
            try {
                changeLog.append(records);
            } catch (RuntimeException e) {
                metrics.failure("change-log");
                log.error("could not record {} membership changes in the change log: {}", changes.size(), e.getMessage());
            }
        }
        for (ChangeListener l : listeners) {
            try {
                l.onChanges(changes);
            } catch (RuntimeException e) {
                metrics.failure("change-listener");
                log.error("change listener {} failed", l.getClass().getSimpleName(), e);
            }
        }
    }
}
