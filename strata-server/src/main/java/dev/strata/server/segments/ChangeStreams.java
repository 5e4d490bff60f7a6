package dev.strata.server.segments;

import dev.strata.live.MembershipChange;
import dev.strata.server.live.ChangeListener;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of one segment's entries and exits. Each change is an event named
 * {@code change} whose data is {@code {"segmentId","userId","change":"entered"|"exited","at"}}; a
 * comment every 15 s keeps idle connections open and finds dead ones.
 */
@Component
public class ChangeStreams implements ChangeListener, SmartLifecycle {
    static final long HEARTBEAT_SECONDS = 15;

    /** One change as streamed and as sent to webhooks. */
    public record ChangeEvent(String segmentId, String userId, String change, Instant at) {
        public static ChangeEvent of(MembershipChange c) {
            return new ChangeEvent(c.segmentId(), c.userKey(), c.entered() ? "entered" : "exited", Instant.ofEpochMilli(c.at()));
        }
    }

    private final Map<String, Set<SseEmitter>> bySegment = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeat;

    /** A new stream of the segment's changes from now on. */
    public SseEmitter subscribe(String segmentId) {
        SseEmitter emitter = new SseEmitter(0L);
        Set<SseEmitter> set = bySegment.computeIfAbsent(segmentId, k -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // Tells the client the subscription is live before any change arrives.
            emitter.send(SseEmitter.event().name("subscribed").data(Map.of("segmentId", segmentId), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    public int subscribers() {
        return bySegment.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onChanges(List<MembershipChange> changes) {
        Map<String, List<ChangeEvent>> grouped = new LinkedHashMap<>();
        for (MembershipChange c : changes) {
            if (bySegment.containsKey(c.segmentId())) grouped.computeIfAbsent(c.segmentId(), k -> new ArrayList<>()).add(ChangeEvent.of(c));
        }
        grouped.forEach((segmentId, events) -> {
            for (SseEmitter e : bySegment.getOrDefault(segmentId, Set.of())) {
                try {
                    for (ChangeEvent ev : events) e.send(SseEmitter.event().name("change").data(ev, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException ex) {
                    drop(segmentId, e);
                }
            }
        });
    }

    private void drop(String segmentId, SseEmitter e) {
        Set<SseEmitter> set = bySegment.get(segmentId);
        if (set != null) set.remove(e);
        try {
            e.complete();
        } catch (RuntimeException ignored) {
            // the connection is gone already
        }
    }

    private void beat() {
        bySegment.forEach((segmentId, set) -> {
            for (SseEmitter e : set) {
                try {
                    e.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException ex) {
                    drop(segmentId, e);
                }
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strata-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        heartbeat = s;
    }

    /** Ends every stream first, so open streams do not hold up the graceful shutdown. */
    @Override
    public void stop() {
        ScheduledExecutorService s = heartbeat;
        if (s != null) s.shutdownNow();
        heartbeat = null;
        bySegment.forEach((segmentId, set) -> {
            for (SseEmitter e : set) drop(segmentId, e);
        });
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
