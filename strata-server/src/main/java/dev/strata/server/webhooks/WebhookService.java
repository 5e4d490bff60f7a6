package dev.strata.server.webhooks;

import dev.strata.live.MembershipChange;
import dev.strata.server.ServerOptions;
import dev.strata.server.audit.AuditService;
import dev.strata.server.live.ChangeListener;
import dev.strata.server.ops.StrataMetrics;
import dev.strata.server.security.Secrets;
import dev.strata.server.segments.ChangeStreams.ChangeEvent;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import dev.strata.store.SegmentRepository;
import dev.strata.store.Store;
import dev.strata.store.WebhookRepository;
import dev.strata.store.WebhookRepository.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registered webhooks, and turning membership changes into signed deliveries: one body per webhook
 * per batch of changes (at most {@value #MAX_CHANGES_PER_BODY} changes), of the webhook's segment
 * or of every segment.
 */
@Service
public class WebhookService implements ChangeListener, SmartLifecycle {
    static final int MAX_CHANGES_PER_BODY = 1000;
    static final int MAX_URL_LENGTH = 2048;

    /** The JSON body POSTed to a webhook. */
    public record Body(String deliveryId, String webhookId, Instant createdAt, List<ChangeEvent> changes) {
    }

    private final WebhookRepository repo;
    private final SegmentRepository segments;
    private final JsonMapper json;
    private final WebhookSender sender;
    private volatile List<Webhook> hooks = List.of();
    private volatile boolean running;

    public WebhookService(Store store, JsonMapper json, AuditService audit, StrataMetrics metrics, ServerOptions options) {
        this.repo = store.webhooks();
        this.segments = store.segments();
        this.json = json;
        this.sender = new WebhookSender(repo, audit, metrics, options.webhookAttempts(), options.webhookBackoff(), options.webhookTimeout());
    }

    public List<Webhook> list() {
        return repo.list();
    }

    public Webhook create(String url, String segmentId, String secret) {
        String u = Texts.requireName("url", url, MAX_URL_LENGTH).strip();
        try {
            URI uri = new URI(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ApiException.badRequest("\"url\" must be an absolute http or https URL, got '" + Texts.clip(u, 100) + "'");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("\"url\" is not a valid URL: " + e.getMessage());
        }
        if (segmentId != null && segments.get(segmentId).isEmpty()) {
            throw ApiException.badRequest("no segment with id '" + Texts.clip(segmentId, 100) + "'");
        }
        String s = secret == null ? Secrets.newSecret("whsec_") : Texts.requireName("secret", secret, 512);
        if (s.length() < 16) throw ApiException.badRequest("\"secret\" must be at least 16 characters long");
        Webhook w = repo.insert(new Webhook(Secrets.newId("wh_"), u, s, segmentId, Instant.now()));
        reload();
        return w;
    }

    public boolean delete(String id) {
        boolean done = repo.delete(id);
        reload();
        return done;
    }

    public List<WebhookRepository.DeadLetter> deadLetters(int limit) {
        return repo.deadLetters(limit);
    }

    @Override
    public void onChanges(List<MembershipChange> changes) {
        for (Webhook w : hooks) {
            List<ChangeEvent> mine = new ArrayList<>();
            for (MembershipChange c : changes) {
                if (w.segmentId() == null || w.segmentId().equals(c.segmentId())) mine.add(ChangeEvent.of(c));
            }
            for (int i = 0; i < mine.size(); i += MAX_CHANGES_PER_BODY) {
                List<ChangeEvent> part = mine.subList(i, Math.min(mine.size(), i + MAX_CHANGES_PER_BODY));
                String deliveryId = Secrets.newId("dlv_");
                byte[] body = json.writeValueAsBytes(new Body(deliveryId, w.id(), Instant.now(), List.copyOf(part)));
                sender.send(new Delivery(deliveryId, w, body, Signatures.sign(w.secret(), body), part.size()));
            }
        }
    }

    private void reload() {
        hooks = List.copyOf(repo.list());
    }

    @Override
    public void start() {
        reload();
        running = true;
    }

    /** After the change dispatcher has delivered its last changes. */
    @Override
    public void stop() {
        running = false;
        sender.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 5120;
    }

    /** A webhook as listed: never its secret. */
    static Map<String, Object> view(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url());
        m.put("segmentId", w.segmentId());
        m.put("createdAt", w.createdAt());
        return m;
    }
}
