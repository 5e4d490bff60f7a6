package dev.strata.server.webhooks;

import dev.strata.server.audit.AuditService;
import dev.strata.server.ops.StrataMetrics;
import dev.strata.store.WebhookRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliveries, retrying a failed one (an error or a non-2xx answer) after the back-off,
 * doubled at each attempt (capped at 10 minutes); after the last attempt the delivery goes to the
 * dead-letter list with the last error. A delivery still pending at shutdown goes there too, so
 * nothing is dropped without a trace.
 */
final class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final WebhookRepository repo;
    private final AuditService audit;
    private final StrataMetrics metrics;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "strata-webhooks");
        t.setDaemon(true);
        return t;
    });
    /** Deliveries not yet delivered nor dead-lettered, with the attempts started so far. */
    private final Map<Delivery, Integer> pending = new ConcurrentHashMap<>();

    WebhookSender(WebhookRepository repo, AuditService audit, StrataMetrics metrics, int attempts, Duration backoff, Duration timeout) {
        this.repo = repo;
        this.audit = audit;
        this.metrics = metrics;
        this.attempts = attempts;
        this.backoff = backoff;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(Delivery d) {
        pending.put(d, 0);
        attempt(d, 1);
    }

    private void attempt(Delivery d, int n) {
        if (pending.replace(d, n) == null) return;
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(d.webhook().url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "strata-webhooks")
                    .header(Signatures.HEADER, d.signature())
                    .header("X-Strata-Webhook", d.webhook().id())
                    .header("X-Strata-Delivery", d.id())
                    .header("X-Strata-Attempt", Integer.toString(n))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            deadLetter(d, n, "invalid URL: " + e.getMessage());
            return;
        }
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
            if (err == null && res.statusCode() / 100 == 2) {
                delivered(d);
                return;
            }
            String why = err != null ? describe(err) : "HTTP " + res.statusCode();
            if (n >= attempts) {
                deadLetter(d, n, why);
                return;
            }
            metrics.webhook("retried");
            long delay = Math.min(backoff.toMillis() << Math.min(n - 1, 30), MAX_DELAY.toMillis());
            log.info("webhook {} delivery {} attempt {} failed ({}); retrying in {} ms", d.webhook().id(), d.id(), n, why, delay);
            try {
                scheduler.schedule(() -> attempt(d, n + 1), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                deadLetter(d, n, why + "; the server shut down before the next attempt");
            }
        });
    }

    private void delivered(Delivery d) {
        if (pending.remove(d) == null) return;
        metrics.webhook("delivered");
        try {
            audit.recordSystem("webhook " + d.webhook().id(), "webhook.export", d.changes() + " membership changes, delivery " + d.id(),
                    URI.create(d.webhook().url()).getHost());
        } catch (RuntimeException e) {
            log.error("could not audit webhook delivery {}: {}", d.id(), e.getMessage());
        }
    }

    private void deadLetter(Delivery d, int attemptsMade, String error) {
        if (pending.remove(d) == null) return;
        metrics.webhook("dead");
        log.warn("webhook {} delivery {} failed after {} attempt(s): {}; moved to the dead letters", d.webhook().id(), d.id(), attemptsMade, error);
        try {
            repo.addDeadLetter(new WebhookRepository.DeadLetter(0, d.webhook().id(), new String(d.body(), StandardCharsets.UTF_8),
                    attemptsMade, error, Instant.now()));
        } catch (RuntimeException e) {
            log.error("could not record dead letter for delivery {}: {}", d.id(), e.getMessage());
        }
    }

    /** Stops retrying; what is still pending is dead-lettered. */
    void close() {
        scheduler.shutdownNow();
        for (Map.Entry<Delivery, Integer> e : Map.copyOf(pending).entrySet()) {
            deadLetter(e.getKey(), e.getValue(), "the server shut down before delivery succeeded");
        }
    }

    private static String describe(Throwable t) {
        Throwable c = t.getCause() != null && t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
