package dev.strata.server.segments;

import dev.strata.live.MembershipChange;
import dev.strata.server.live.ChangeListener;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of one segment's entries and exits. Each change is an event named
 * {@code change} whose data is {@code {"segmentId","userId","change":"entered"|"exited","at"}}; a
 * comment every 15 s keeps idle connections open and finds dead ones.
 *
 * <p>Each subscriber has its own bounded queue, written by its own sender task, so a slow client
 * never holds up the change dispatcher (and with it the change log and webhooks): a client that
 * falls {@value #QUEUE} events behind is disconnected and may reconnect and read
 * {@code /changes?since=} to catch up.
 */
@Component
public class ChangeStreams implements ChangeListener, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChangeStreams.class);
    static final long HEARTBEAT_SECONDS = 15;
    static final int QUEUE = 10_000;

    /** One change as streamed and as sent to webhooks. */
    public record ChangeEvent(String segmentId, String userId, String change, Instant at) {
        public static ChangeEvent of(MembershipChange c) {
            return new ChangeEvent(c.segmentId(), c.userKey(), c.entered() ? "entered" : "exited", Instant.ofEpochMilli(c.at()));
        }
    }

    /** One open stream. */
    private final class Subscriber {
        final String segmentId;
        final SseEmitter emitter = new SseEmitter(0L);
        final BlockingQueue<ChangeEvent> queue = new ArrayBlockingQueue<>(QUEUE);
        final AtomicBoolean sending = new AtomicBoolean();
        volatile boolean closed;

        Subscriber(String segmentId) {
            this.segmentId = segmentId;
        }

        void offer(ChangeEvent e) {
            if (closed) return;
            if (!queue.offer(e)) {
                log.warn("an SSE client of segment {} fell {} changes behind; disconnecting it", segmentId, QUEUE);
                close();
                return;
            }
            schedule();
        }

        void schedule() {
            if (!closed && sending.compareAndSet(false, true)) senders.execute(this::drain);
        }

        private void drain() {
            try {
                ChangeEvent e;
                while (!closed && (e = queue.poll()) != null) {
                    emitter.send(SseEmitter.event().name("change").data(e, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException ex) {
                close();
            } finally {
                sending.set(false);
            }
            if (!queue.isEmpty()) schedule();
        }

        void heartbeat() {
            if (closed) return;
            senders.execute(() -> {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException ex) {
                    close();
                }
            });
        }

        void close() {
            if (closed) return;
            closed = true;
            Set<Subscriber> set = bySegment.get(segmentId);
            if (set != null) set.remove(this);
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        }
    }

    private final Map<String, Set<Subscriber>> bySegment = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "strata-sse");
        t.setDaemon(true);
        return t;
    });
    private volatile ScheduledExecutorService heartbeat;

    /** A new stream of the segment's changes from now on. */
    public SseEmitter subscribe(String segmentId) {
        Subscriber s = new Subscriber(segmentId);
        bySegment.computeIfAbsent(segmentId, k -> new CopyOnWriteArraySet<>()).add(s);
        s.emitter.onCompletion(s::close);
        s.emitter.onTimeout(s::close);
        s.emitter.onError(e -> s.close());
        try {
            // Tells the client the subscription is live before any change arrives.
            s.emitter.send(SseEmitter.event().name("subscribed").data(Map.of("segmentId", segmentId), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            s.close();
        }
        return s.emitter;
    }

    public int subscribers() {
        return bySegment.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onChanges(List<MembershipChange> changes) {
        if (bySegment.isEmpty()) return;
        for (MembershipChange c : changes) {
            Set<Subscriber> set = bySegment.get(c.segmentId());
            if (set == null || set.isEmpty()) continue;
            ChangeEvent e = ChangeEvent.of(c);
            for (Subscriber s : set) s.offer(e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strata-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> bySegment.values().forEach(set -> set.forEach(Subscriber::heartbeat)),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        heartbeat = s;
    }

    /** Ends every stream first, so open streams do not hold up the graceful shutdown. */
    @Override
    public void stop() {
        ScheduledExecutorService s = heartbeat;
        if (s != null) s.shutdownNow();
        heartbeat = null;
        List<Subscriber> all = new ArrayList<>();
        bySegment.values().forEach(all::addAll);
        all.forEach(Subscriber::close);
        senders.shutdown();
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
