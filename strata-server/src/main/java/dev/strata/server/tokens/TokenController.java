package dev.strata.server.tokens;

import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.security.TokenService;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import dev.strata.store.TokenRepository.Token;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RestController;

/** API tokens and write keys (role {@code ingest}): admins only. Secrets are shown once, at creation. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "tokens")
@SecurityRequirement(name = "bearer")
@Allowed(Role.ADMIN)
public class TokenController {

    public record TokenView(String id, String name, String role, Instant createdAt, Instant revokedAt) {
        static TokenView of(Token t) {
            return new TokenView(t.id(), t.name(), t.role(), t.createdAt(), t.revokedAt());
        }
    }

    public record Created(String id, String name, String role, Instant createdAt, String token) {
    }

    record CreateRequest(String name, String role) {
    }

    private final TokenService tokens;
    private final AuditService audit;

    public TokenController(TokenService tokens, AuditService audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Operation(summary = "All tokens, revoked ones included (never their secrets)")
    @GetMapping
    public Map<String, Object> list() {
        List<TokenView> out = new ArrayList<>();
        for (Token t : tokens.list()) out.add(TokenView.of(t));
        return Map.of("tokens", out);
    }

    @Operation(summary = "Create a token: {\"name\", \"role\": admin|editor|analyst|ingest}; the secret is in this answer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> create(@RequestBody CreateRequest body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        String name = Texts.requireName("name", body.name(), 200).strip();
        Role role = Role.parse(body.role());
        if (role == null) {
            throw ApiException.badRequest("\"role\" must be admin, editor, analyst or ingest, got '" + Texts.clip(String.valueOf(body.role()), 40) + "'");
        }
        TokenService.Issued issued = tokens.create(name, role);
        audit.record(caller, "token.create", issued.token().id());
        Token t = issued.token();
        return ResponseEntity.created(URI.create("/api/tokens/" + t.id()))
                .body(new Created(t.id(), t.name(), t.role(), t.createdAt(), issued.secret()));
    }

    @Operation(summary = "Revoke a token; it stops working at once")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id, Caller caller) {
        Token t = tokens.get(id).orElseThrow(() -> ApiException.notFound("no token with id '" + Texts.clip(id, 100) + "'"));
        if (!t.active()) throw ApiException.conflict("token '" + id + "' is revoked already");
        if (t.role().equals(Role.ADMIN.wireName())
                && tokens.list().stream().filter(x -> x.active() && x.role().equals(Role.ADMIN.wireName())).count() == 1) {
            throw ApiException.conflict("token '" + id + "' is the last active admin token; create another before revoking it");
        }
        tokens.revoke(id);
        audit.record(caller, "token.revoke", id);
        return ResponseEntity.noContent().build();
    }
}
