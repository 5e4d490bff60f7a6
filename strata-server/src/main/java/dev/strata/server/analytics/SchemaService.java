package dev.strata.server.analytics;

import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The fields the builder offers. Describing them reads every profile column and event property
 * (seconds at a million profiles), so the answer is kept: once older than {@link #MAX_AGE_MS} it is
 * still served while a fresh one is computed in the background, and a large population is
 * described once at start so the first builder does not wait. New fields and values therefore show
 * up within a minute or so of the first request after they arrive.
 */
@Service
public class SchemaService {
    private static final Logger log = LoggerFactory.getLogger(SchemaService.class);
    static final long MAX_AGE_MS = 60_000;
    /** From this many profiles on, the schema is computed at start. */
    static final int WARM_AT_START_FROM = 100_000;

    private final LiveAnalytics analytics;
    private final LiveEngine engine;
    private final Object computing = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "strata-schema");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile Cached cached;

    private record Cached(long at, LiveAnalytics.Schema schema) {
    }

    public SchemaService(LiveAnalytics analytics, LiveEngine engine) {
        this.analytics = analytics;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warm() {
        if (engine.profileCount() >= WARM_AT_START_FROM) refreshInBackground();
    }

    public LiveAnalytics.Schema schema() {
        Cached c = cached;
        if (c == null) {
            synchronized (computing) {
                c = cached;
                if (c == null) c = compute();
            }
        } else if (System.currentTimeMillis() - c.at() >= MAX_AGE_MS) {
            refreshInBackground();
        }
        return c.schema();
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) return;
        background.execute(() -> {
            try {
                synchronized (computing) {
                    compute();
                }
            } catch (RuntimeException e) {
                log.warn("describing the fields failed; the previous description is kept: {}", e.toString());
            } finally {
                refreshing.set(false);
            }
        });
    }

    private Cached compute() {
        long t0 = System.nanoTime();
        Cached c = new Cached(System.currentTimeMillis(), analytics.schema());
        cached = c;
        log.debug("fields described in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return c;
    }
}
