package dev.strata.server.webhooks;

import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Params;
import dev.strata.server.web.Texts;
import dev.strata.store.WebhookRepository.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks receive membership changes, which are personal data: admins only. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "webhooks")
@SecurityRequirement(name = "bearer")
@Allowed(Role.ADMIN)
public class WebhookController {

    record CreateRequest(String url, String segmentId, String secret) {
    }

    private final WebhookService webhooks;
    private final AuditService audit;

    public WebhookController(WebhookService webhooks, AuditService audit) {
        this.webhooks = webhooks;
        this.audit = audit;
    }

    @Operation(summary = "Registered webhooks (without their secrets)")
    @GetMapping
    public Map<String, Object> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Webhook w : webhooks.list()) out.add(WebhookService.view(w));
        return Map.of("webhooks", out);
    }

    @Operation(summary = "Register a webhook: {\"url\", \"segmentId\" (optional: every segment), \"secret\" (optional: generated)}; the secret is in this answer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Webhook w = webhooks.create(body.url(), body.segmentId(), body.secret());
        audit.record(caller, "webhook.create", w.id());
        Map<String, Object> out = WebhookService.view(w);
        out.put("secret", w.secret());
        return ResponseEntity.created(URI.create("/api/webhooks/" + w.id())).body(out);
    }

    @Operation(summary = "Remove a webhook")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        if (!webhooks.delete(id)) throw ApiException.notFound("no webhook with id '" + Texts.clip(id, 100) + "'");
        audit.record(caller, "webhook.delete", id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Deliveries that failed for good, newest first, with their bodies and last errors")
    @GetMapping("/dead-letters")
    public Map<String, Object> deadLetters(@RequestParam(required = false) Integer limit, Caller caller) {
        audit.record(caller, "webhook.dead-letters", "*");
        return Map.of("deadLetters", webhooks.deadLetters(Params.limit(limit, 100, 1000)));
    }
}
