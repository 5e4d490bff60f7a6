package dev.strata.server.live;

import dev.strata.live.LiveEngine;
import dev.strata.live.MembershipChange;
import dev.strata.server.ops.StrataMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets time change memberships: sleeps until the engine's next due instant (a window sliding past
 * an event) and fires it then. Nothing is recomputed periodically; the sleep is capped so that a
 * trigger added by a new message or segment while sleeping is noticed within {@link #MAX_SLEEP_MS}.
 */
@Component
public class TimeAdvancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TimeAdvancer.class);
    static final long MAX_SLEEP_MS = 200;

    private final LiveEngine engine;
    private final ChangeDispatcher dispatcher;
    private final StrataMetrics metrics;
    private volatile boolean running;
    private volatile Thread thread;

    public TimeAdvancer(LiveEngine engine, ChangeDispatcher dispatcher, StrataMetrics metrics) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "strata-time");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t == null) return;
        LockSupport.unpark(t);
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the dispatcher, so its last changes are still recorded. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    private void run() {
        while (running) {
            try {
                long due = engine.nextDue();
                long now = System.currentTimeMillis();
                if (due <= now) {
                    long t0 = System.nanoTime();
                    List<MembershipChange> changes = engine.advance();
                    metrics.advance(System.nanoTime() - t0, now - due);
                    dispatcher.publish(changes);
                } else {
                    long sleep = Math.min(due - now, MAX_SLEEP_MS);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(sleep));
                }
            } catch (RuntimeException e) {
                metrics.failure("time-advance");
                log.error("firing time triggers failed; retrying in 1 s", e);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }
}
