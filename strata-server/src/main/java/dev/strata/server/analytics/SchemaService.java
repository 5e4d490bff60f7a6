package dev.strata.server.analytics;

import dev.strata.live.LiveAnalytics;
import org.springframework.stereotype.Service;

/**
 * The fields the builder offers. Describing them reads every profile and event (about a second
 * at a million profiles), so the answer is kept for a while: new fields and values show up within
 * {@link #MAX_AGE_MS}.
 */
@Service
public class SchemaService {
    static final long MAX_AGE_MS = 60_000;

    private final LiveAnalytics analytics;
    private final Object computing = new Object();
    private volatile Cached cached;

    private record Cached(long at, LiveAnalytics.Schema schema) {
    }

    public SchemaService(LiveAnalytics analytics) {
        this.analytics = analytics;
    }

    public LiveAnalytics.Schema schema() {
        Cached c = cached;
        long now = System.currentTimeMillis();
        if (c != null && now - c.at() < MAX_AGE_MS) return c.schema();
        synchronized (computing) {
            c = cached;
            if (c != null && System.currentTimeMillis() - c.at() < MAX_AGE_MS) return c.schema();
            LiveAnalytics.Schema s = analytics.schema();
            cached = new Cached(System.currentTimeMillis(), s);
            return s;
        }
    }

    /** Forgets the cached answer (a segment was saved, or a test needs the current state). */
    public void invalidate() {
        cached = null;
    }
}
